# expect: unknown
# command: prove
# args: --function f --returns-true
# reason: unsupported
# note: importing any module but typing is outside the subset (it may rebind builtins)
import math


def f(x: int) -> bool:
    return math.floor(x) == x
