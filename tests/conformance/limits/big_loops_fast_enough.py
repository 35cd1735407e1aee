total = 0
for i in range(200000):
    total += i % 7
print(total)
s = sum(i * i for i in range(100000))
print(s)
d = {i: str(i) for i in range(20000)}
print(len(d), d[19999])
lst = sorted(range(50000), key=lambda x: -x)
print(lst[:3], lst[-1])
text = "ab" * 50000
print(len(text), text.count("ba"))
