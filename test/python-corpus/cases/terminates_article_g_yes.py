# expect: yes
# command: terminates
# args: --function g
# note: the article's g.py: x - y (or x) decreases while x > y and stays bounded because y > 0
def g(x, y):
   assert isinstance(x, int) and isinstance(y, int)
   if y > 0:
      while x > y:
         x = x - y
