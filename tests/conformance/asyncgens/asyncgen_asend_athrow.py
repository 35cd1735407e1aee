async def echo():
    received = []
    try:
        while True:
            try:
                value = yield len(received)
                received.append(value)
            except ValueError as e:
                print("  echo handled", e)
                received.append("error")
    finally:
        print("  echo finally, received:", received)
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = echo()
print(drive(g.__anext__()))
print(drive(g.asend("a")))
print(drive(g.asend("b")))
print(drive(g.athrow(ValueError("bad"))))
print(drive(g.aclose()))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after aclose")
