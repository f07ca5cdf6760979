# expect: no
# command: terminates
# args: --function g2
# property: g2.termination.1
# note: the article's g2 in Python: with y <= 0, x never drops to y
def g2(x: int, y: int) -> None:
    while x > y:
        x = x - y
