# expect: yes
# command: prove
# args: --function f --returns-true
# note: a < b < c means a < b and b < c, so a < c
def f(a: int, b: int, c: int) -> bool:
    if a < b < c:
        return a < c
    return True
