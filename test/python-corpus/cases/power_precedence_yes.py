# expect: yes
# command: prove
# args: --function f --returns-true
# note: ** binds tighter than unary minus and is right-associative: -x ** 2 == -(x ** 2), 2 ** 3 ** 2 == 512
def f(x: int) -> bool:
    return -x ** 2 <= 0 and 2 ** 3 ** 2 == 512 and (-2) ** 3 == -8
