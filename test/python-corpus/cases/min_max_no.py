# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# note: the extremes are equal when a == b == c
def f(a: int, b: int, c: int) -> bool:
    return max(a, b, c) > min(a, b, c)
