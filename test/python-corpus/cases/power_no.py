# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# note: x ** 3 == 27 for x == 3
def f(x: int) -> bool:
    return x ** 3 != 27
