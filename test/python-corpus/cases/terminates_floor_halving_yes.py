# expect: yes
# command: terminates
# args: --function f
# note: x // 2 < x for x > 0 (floor division), so the loop ends
def f(x: int) -> None:
    while x > 0:
        x = x // 2
