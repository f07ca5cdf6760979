# expect: no
# command: prove
# args: --function f --returns-true
# property: f.div-by-zero.1
# note: without the guard, b == 0 raises ZeroDivisionError at the first //
def f(a: int, b: int) -> bool:
    return (a // b) * b + a % b == a
