# expect: yes
# command: prove
# args: --function f --returns-true --timeout 15
# inputs: -3..40
# note: subtracting 2 keeps the parity: (n - x) % 2 == 0 and x >= 0 are invariant, so x == n % 2 at the end
def f(n: int) -> bool:
    if n < 0:
        return True
    x = n
    while x >= 2:
        x -= 2
    return x == n % 2
