# expect: yes
# args: --function f
# why: n > 0 before n - 2, so n is a ranking function (it drops by 2 and is positive inside the loop); Python integers never overflow.
def f(n):
    assert isinstance(n, int)
    while n > 0:
        n = n - 2
