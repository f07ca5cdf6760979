# expect: yes
# command: prove
# args: --function f --returns-true
# note: calls of functions of the file are inlined; (a + b) ** 2 == a ** 2 + 2ab + b ** 2
def sq(v):
    return v * v


def f(a: int, b: int) -> bool:
    return sq(a + b) == sq(a) + 2 * a * b + sq(b)
