for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print(type(e).__name__, e)
while False:
    k = 1
print("k" in globals())
try:
    raise ValueError("x")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print(type(e).__name__, e)
import contextlib
with contextlib.nullcontext(5) as val:
    pass
print(val)
