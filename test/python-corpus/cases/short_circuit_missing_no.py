# expect: no
# command: prove
# args: --function f --returns-true
# property: f.div-by-zero.1
# note: the guard comes too late: a % b raises ZeroDivisionError for b == 0
def f(a: int, b: int) -> bool:
    return a % b < abs(b) or b == 0
