# expect: no
# command: prove
# args: --function f --returns-true
# property: f.returns-true.1
# note: a function without return gives None, which is falsy
def f(x: int) -> None:
    pass
