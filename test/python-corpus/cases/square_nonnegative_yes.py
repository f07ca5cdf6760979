# expect: yes
# command: prove
# args: --function f --returns-true
# note: x ** 2 with a constant exponent is x * x, never negative
def f(x: int) -> bool:
    return x ** 2 >= 0 and x ** 0 == 1
