# expect: unknown
# command: terminates
# args: --function f --timeout 10
# note: the Collatz loop: whether it always ends is an open problem
def f(n: int) -> None:
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
