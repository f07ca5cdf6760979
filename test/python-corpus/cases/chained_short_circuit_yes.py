# expect: yes
# command: prove
# args: --function f --returns-true
# note: a chained comparison stops at the first false link: b // a is never evaluated when a <= 0
def f(a: int, b: int) -> bool:
    if 0 < a < b // a:
        return b >= a * a
    return True
