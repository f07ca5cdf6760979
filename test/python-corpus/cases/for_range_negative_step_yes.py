# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -3..18
# note: range(n, -1, -3) counts n, n - 3, ... down to n % 3: n // 3 + 1 elements for n >= 0
def f(n: int) -> bool:
    if not (0 <= n <= 15):
        return True
    c = 0
    last = -1
    for i in range(n, -1, -3):
        c += 1
        last = i
    return c == n // 3 + 1 and last == n % 3
