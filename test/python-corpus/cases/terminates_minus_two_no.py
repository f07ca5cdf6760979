# expect: no
# command: terminates
# args: --function f
# property: f.termination.1
# note: an odd x skips 0: x == 1 goes to -1, -3, ... forever
def f(x: int) -> None:
    while x != 0:
        x -= 2
