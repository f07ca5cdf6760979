# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -2..35
# note: only odd i below 11 are added: 1 + 3 + 5 + 7 + 9 == 25 at most
def f(n: int) -> bool:
    if not (0 <= n <= 30):
        return True
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        if i > 10:
            break
        s += i
    return s <= 25
