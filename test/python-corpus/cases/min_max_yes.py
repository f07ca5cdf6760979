# expect: yes
# command: prove
# args: --function f --returns-true
# note: min and max of two ints add up to their sum; min <= max
def f(a: int, b: int) -> bool:
    return min(a, b) + max(a, b) == a + b and min(a, b) <= max(a, b, a)
