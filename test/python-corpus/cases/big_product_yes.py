# expect: yes
# command: prove
# args: --function f --returns-true
# note: no wraparound: 2 ** 63 * 2 is 2 ** 64, and x * x >= 0 for every x
def f(x: int) -> bool:
    return 2 ** 63 * 2 == 18446744073709551616 and x * x >= 0
