# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -7..7
# note: range(a, b) has max(b - a, 0) elements
def f(a: int, b: int) -> bool:
    if not (-6 <= a <= 6 and -6 <= b <= 6):
        return True
    c = 0
    for i in range(a, b):
        c += 1
    return c == max(b - a, 0)
