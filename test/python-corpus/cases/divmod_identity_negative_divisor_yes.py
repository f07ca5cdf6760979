# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -30..30
# note: the identity also holds for negative divisors: -7 // -3 == 2 and -7 % -3 == -1; 7 // -3 == -3 and 7 % -3 == -2
def f(a: int) -> bool:
    return (a // -3) * -3 + a % -3 == a and -3 < a % -3 <= 0 and (a // 7) * 7 + a % 7 == a
