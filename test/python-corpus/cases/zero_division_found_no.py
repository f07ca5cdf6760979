# expect: no
# command: prove
# args: --function f --property no-div-by-zero
# property: f.div-by-zero.1
# note: y == 0 for x == 3 or x == -3: 100 % y raises ZeroDivisionError
def f(x: int) -> int:
    y = x * x - 9
    return 100 % y
