# expect: yes
# command: prove
# args: --function f --returns-true
# note: // rounds toward negative infinity, so (a // 2) * 2 never exceeds a; C's / truncates and -7 / 2 * 2 == -6 > -7
def f(a: int) -> bool:
    return (a // 2) * 2 <= a
