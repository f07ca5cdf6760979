# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# note: a < b > c says nothing about a and c (a = c = 0, b = 1); C would compare (a < b) > c
def f(a: int, b: int, c: int) -> bool:
    if a < b > c:
        return a < c
    return True
