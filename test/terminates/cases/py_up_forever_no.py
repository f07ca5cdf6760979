# expect: no
# args: --function f
# kind: termination
# witness: f(1)
# why: Python integers are unbounded, so x > 0 implies x + 1 > 0: x > 0 is a recurrent set and any positive x loops forever.
def f(x):
    assert isinstance(x, int)
    while x > 0:
        x = x + 1
