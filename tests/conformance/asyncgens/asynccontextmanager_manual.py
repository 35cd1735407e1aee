from contextlib import asynccontextmanager
@asynccontextmanager
async def managed(name):
    print("  setup", name)
    try:
        yield f"<{name}>"
    finally:
        print("  teardown", name)
async def main():
    async with managed("a") as a:
        print("  inside", a)
    try:
        async with managed("b") as b:
            raise ValueError("boom in " + b)
    except ValueError as e:
        print("  caught", e)
    return "done"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
