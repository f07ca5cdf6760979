# expect: yes
# command: prove
# args: --function f --returns-true
# inputs: -10..40
# note: range(n) runs max(n, 0) times for every n; needs the invariant c == i + 1 over the unbounded loop
def f(n: int) -> bool:
    c = 0
    for i in range(n):
        c += 1
    return c == max(n, 0)
