# expect: unknown
# args: --function f
# why: the Collatz conjecture (every n > 1 reaches 1) is an open problem, so neither yes nor no can be justified.
def f(n):
    assert isinstance(n, int)
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
