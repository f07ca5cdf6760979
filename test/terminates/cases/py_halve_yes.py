# expect: yes
# args: --function f
# why: for n >= 2, 1 <= n // 2 < n (floor division of a positive number), so n is a ranking function; steps only counts.
def f(n):
    assert isinstance(n, int)
    steps = 0
    while n > 1:
        n = n // 2
        steps = steps + 1
    return steps
