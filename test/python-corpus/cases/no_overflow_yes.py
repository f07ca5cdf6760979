# expect: yes
# command: prove
# args: --function f --returns-true
# note: Python integers are unbounded: x + 1 > x always (in C, INT_MAX + 1 overflows)
def f(x: int) -> bool:
    return x + 1 > x
