# expect: yes
# command: prove
# args: --function f --returns-true
# note: a % b has the sign of b: 0 <= a % b < b for every b > 0 (in C, -1 % 3 == -1)
def f(a: int, b: int) -> bool:
    if b > 0:
        return 0 <= a % b < b
    return True
