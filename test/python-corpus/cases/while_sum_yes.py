# expect: yes
# command: prove
# args: --function f --returns-true --timeout 15
# inputs: -3..40
# note: 2 * s == i * (i - 1) is invariant (a polynomial invariant), so 2 * s == n * (n - 1) at the end
def f(n: int) -> bool:
    if n < 0:
        return True
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return 2 * s == n * (n - 1)
