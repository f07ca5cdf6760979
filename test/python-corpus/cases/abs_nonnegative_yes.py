# expect: yes
# command: prove
# args: --function f --returns-true
# note: abs(x) >= 0 for every Python int (in C, abs(INT_MIN) is INT_MIN < 0)
def f(x: int) -> bool:
    return abs(x) >= 0 and abs(-x) == abs(x)
