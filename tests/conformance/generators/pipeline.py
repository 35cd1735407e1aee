def read_lines():
    data = "10\n  20\n\nabc\n30  \n-5\n"
    for line in data.splitlines():
        yield line
def strip(lines):
    for line in lines:
        yield line.strip()
def non_empty(lines):
    return (l for l in lines if l)
def to_ints(lines):
    for l in lines:
        try:
            yield int(l)
        except ValueError:
            print("  skipping", repr(l))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield n, total
for n, t in running_total(to_ints(non_empty(strip(read_lines())))):
    print(n, t)
