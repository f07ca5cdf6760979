# expect: no
# command: prove
# args: --function f
# property: f.assertion.1
# note: x * x == 2 * x for x == 0 and x == 2
def f(x: int) -> None:
    assert x * x != 2 * x
