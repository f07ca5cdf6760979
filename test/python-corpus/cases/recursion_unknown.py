# expect: unknown
# command: prove
# args: --function f --returns-true
# reason: recursion
# note: recursion is not inlined for Python
def f(n: int) -> bool:
    if n <= 0:
        return True
    return f(n - 1)
