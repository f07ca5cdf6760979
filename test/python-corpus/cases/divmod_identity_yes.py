# expect: yes
# command: prove
# args: --function f --returns-true
# note: (a // b) * b + a % b == a for every b > 0 (floor division and modulo agree)
def f(a: int, b: int) -> bool:
    if b <= 0:
        return True
    return (a // b) * b + a % b == a
