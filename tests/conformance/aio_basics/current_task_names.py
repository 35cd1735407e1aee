import asyncio

async def report(label):
    t = asyncio.current_task()
    print(label, "running in", t.get_name())
    return t

async def main():
    me = asyncio.current_task()
    print("main task:", me.get_name())
    same = await report("awaited directly")
    print("direct await shares task:", same is me)
    other = await asyncio.create_task(report("as task"))
    print("create_task gives new task:", other is me, other.get_name())
    named = await asyncio.create_task(report("named"), name="worker")
    print(named.get_name(), named.done())

print("outside loop:", end=" ")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main())
