# expect: unknown
# command: prove
# args: --function f --returns-true
# reason: unsupported
# note: / gives a float, outside the subset
def f(x: int) -> bool:
    return x / 2 <= x
