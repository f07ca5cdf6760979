# expect: yes
# command: prove
# args: --function f --returns-true
# note: assert isinstance(x, int) states the parameters' type (an assumption); x * y == y * x for ints
def f(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    return x * y == y * x
