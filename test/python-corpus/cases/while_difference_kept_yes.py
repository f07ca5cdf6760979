# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -10..40
# note: j - i == 10 is invariant however long the loop runs
def f(n: int) -> bool:
    i = 0
    j = 10
    while i < n:
        i += 1
        j += 1
    return j - i == 10
