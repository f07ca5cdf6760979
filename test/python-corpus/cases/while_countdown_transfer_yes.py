# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -10..40
# note: x + y == max(n, 0) is invariant while x counts down and y counts up
def f(n: int) -> bool:
    x = n
    y = 0
    while x > 0:
        x -= 1
        y += 1
    return y == max(n, 0)
