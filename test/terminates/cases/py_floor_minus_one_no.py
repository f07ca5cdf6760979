# expect: no
# args: --function f
# kind: termination
# witness: f(-1)
# why: Python's // floors, so -1 // 2 == -1: n == -1 is a fixed point of the body and never reaches 0 (in C, -1 / 2 == 0 and the loop terminates: halve_toward_zero_yes.c).
def f(n):
    assert isinstance(n, int)
    while n != 0:
        n = n // 2
