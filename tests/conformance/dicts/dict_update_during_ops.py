d = dict.fromkeys(range(5), 0)
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d2 = {k: k * k for k in range(6)}
print({k: v for k, v in d2.items() if v > 5})
keys = list(d2.keys())
d2.clear()
print(keys, d2)
try:
    for k in d2.keys() | {1}:
        pass
    print("union ok")
except Exception as e:
    print(type(e).__name__)
