# expect: yes
# command: prove
# args: --function f --returns-true
# note: -7 // 2 == -4, 7 // -2 == -4, -1 % 3 == 2, -7 % 2 == 1, 7 % -2 == -1 in Python (C gives -3, -3, -1, -1, 1)
def f(x: int) -> bool:
    return -7 // 2 == -4 and 7 // -2 == -4 and -1 % 3 == 2 and -7 % 2 == 1 and 7 % -2 == -1
