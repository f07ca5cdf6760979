# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -5..5
# note: with a variable step the loop counts up or down; every element lies between start and stop
def f(a: int, b: int, s: int) -> bool:
    if not (-4 <= a <= 4 and -4 <= b <= 4 and -3 <= s <= 3) or s == 0:
        return True
    ok = True
    for i in range(a, b, s):
        if s > 0:
            ok = ok and a <= i < b
        else:
            ok = ok and b < i <= a
    return ok
