# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -2..8
# note: pairs j < i < n: n * (n - 1) / 2 of them
def f(n: int) -> bool:
    if not (0 <= n <= 6):
        return True
    c = 0
    for i in range(n):
        for j in range(i):
            c += 1
    return 2 * c == n * (n - 1)
