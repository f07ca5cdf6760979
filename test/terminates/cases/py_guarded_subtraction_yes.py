# expect: yes
# args: --function g
# why: the enclosing if gives y > 0 (y never changes), so x is a ranking function (it drops by y >= 1 and stays above y > 0 inside the loop).
def g(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    if y > 0:
        while x > y:
            x = x - y
