# expect: yes
# command: prove
# args: --function f --returns-true
# note: a bool is the int 0 or 1: x <= x + b <= x + 1
def f(b: bool, x: int) -> bool:
    return x <= x + b <= x + 1
