# expect: yes
# command: terminates
# args: --function f
# note: a range loop always ends, whatever its step's sign, and the inner while is bounded by i
def f(a: int, b: int, s: int) -> None:
    if s == 0:
        return
    for i in range(a, b, s):
        j = i
        while j > 0:
            j -= 1
