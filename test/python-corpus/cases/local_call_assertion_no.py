# expect: no
# command: prove
# args: --function f --returns-true
# property: half.assertion.1
# note: half asserts an even argument; 3 * x is odd for odd x
def half(v):
    assert v % 2 == 0
    return v // 2


def f(x: int) -> bool:
    return half(3 * x) >= 0 or x < 0
