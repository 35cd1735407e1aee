data = [1, 5, 12, 7, 20, 3]
print([y for x in data if (y := x * 2) > 10])
print(y)
results = [last := n for n in range(5)]
print(results, last)
import re
lines = ["a=1", "junk", "b=22", "c="]
pairs = [m.groups() for line in lines if (m := re.match(r"(\w)=(\d+)", line))]
print(pairs)
total = 0
running = [total := total + n for n in [1, 2, 3, 4]]
print(running, total)
