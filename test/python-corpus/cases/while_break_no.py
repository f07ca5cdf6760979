# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# inputs: -2..12
# note: the loop finds the least i with i * i >= n; that is a square root only for perfect squares (n == 2 fails)
def f(n: int) -> bool:
    if not (0 <= n <= 10):
        return True
    i = 0
    while True:
        if i * i >= n:
            break
        i += 1
    return i * i == n
