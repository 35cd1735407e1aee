async def numbers(n):
    for i in range(n):
        yield i
async def main():
    squares = [x * x async for x in numbers(5)]
    evens = {x async for x in numbers(6) if x % 2 == 0}
    mapping = {x: str(x) async for x in numbers(3)}
    return squares, sorted(evens), mapping
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
