# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -3..40
# note: c == 2 * i is invariant, and the loop ends with i == n for n >= 0; needs the invariant c == 2 * i (n unbounded)
def f(n: int) -> bool:
    if n < 0:
        return True
    i = 0
    c = 0
    while i < n:
        i += 1
        c += 2
    return c == 2 * n
