# expect: yes
# command: prove
# args: --function f --returns-true
# note: bool is an int subclass: True + True == 2 and exactly one of x > 0, x <= 0 holds
def f(x: int) -> bool:
    return (x > 0) + (x <= 0) == 1 and True + True == 2 and not (x and not x)
