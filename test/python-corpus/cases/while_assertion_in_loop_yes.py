# expect: yes
# command: prove
# args: --function f
# inputs: -10..40
# note: 0 <= x <= n is invariant, so the assertion inside the loop always holds
def f(n: int) -> None:
    if n < 0:
        return
    x = n
    while x > 0:
        assert 0 < x <= n
        x -= 1
