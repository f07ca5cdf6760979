# expect: unknown
# command: prove
# args: --function f --returns-true
# reason: unsupported
# note: lists are outside the subset
def f(x: int) -> bool:
    xs = [x, x]
    return len(xs) == 2
