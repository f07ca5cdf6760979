# expect: unknown
# command: prove
# args: --function f --returns-true
# reason: unsupported
# note: strings are outside the subset
def f(x: int) -> bool:
    s = "abc"
    return x > 0 or s == "abc"
