# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -2..12
# note: assigning the loop variable does not change the iteration; after the loop it keeps the last value assigned
def f(n: int) -> bool:
    if not (1 <= n <= 10):
        return True
    c = 0
    i = 0
    for i in range(n):
        i = i + 100
        c += 1
    return c == n and i == n + 99
