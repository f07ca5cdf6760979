# expect: yes
# command: prove
# args: --function f --returns-true
# note: `and` does not evaluate its right operand when the left is false: no ZeroDivisionError
def f(a: int, b: int) -> bool:
    return (b != 0 and a % b < abs(b)) or b == 0
