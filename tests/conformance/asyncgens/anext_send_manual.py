async def ticker(n):
    for i in range(n):
        yield i * 10
agen = ticker(3)
print(type(agen).__name__)
for _ in range(4):
    try:
        agen.__anext__().send(None)
    except StopIteration as e:
        print("yielded", e.value)
    except StopAsyncIteration:
        print("StopAsyncIteration")
