import asyncio

async def job():
    return 1

for name, fn in [("get_running_loop", asyncio.get_running_loop),
                 ("current_task", asyncio.current_task)]:
    try:
        fn()
    except RuntimeError as e:
        print(name, "->", e)

c = job()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print("create_task ->", e)
c.close()
try:
    asyncio.Queue().get_nowait()
except asyncio.QueueEmpty:
    print("Queue works without a loop until it must wait")
print(asyncio.run(job()))
