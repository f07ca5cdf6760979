# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -5..14
# note: 0 + 1 + ... + (n - 1) == n * (n - 1) / 2; range(n) is empty for n <= 0
def f(n: int) -> bool:
    if not (-3 <= n <= 12):
        return True
    s = 0
    for i in range(n):
        s += i
    return 2 * s == max(n, 0) * (max(n, 0) - 1) or n <= 0 and s == 0
