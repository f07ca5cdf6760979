# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# note: the C habit "a % 2 == -1 for odd negative a" is false in Python: -3 % 2 == 1
def f(a: int) -> bool:
    if a < 0 and a % 2 != 0:
        return a % 2 == -1
    return True
