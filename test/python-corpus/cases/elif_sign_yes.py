# expect: yes
# command: prove
# args: --function f --returns-true
# note: sign(x) * abs(x) == x through if/elif/else in a callee
def sign(x: int) -> int:
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def f(x: int) -> bool:
    return sign(x) * abs(x) == x
