# expect: yes
# args: --function f
# why: the inner loop has ranking m - j (j is reset to 0 each outer iteration), the outer loop ranking n - i; the inner loop does not touch i or n.
def f(n, m):
    assert isinstance(n, int) and isinstance(m, int)
    i = 0
    while i < n:
        j = 0
        while j < m:
            j = j + 1
        i = i + 1
    return i
