# expect: no
# command: prove
# args: --function f --returns-true
# property: f.error-call.1
# note: range(0, 3, 0) raises ValueError (range() arg 3 must not be zero)
def f(s: int) -> bool:
    t = 0
    for i in range(0, 3, s):
        t += i
    return True
