# A task that fails while asyncio.run() cancels it at shutdown is handed
# to the loop's exception handler, one call per task.
import asyncio

async def stubborn(n):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(f"stubborn {n}: cleaning up")
        raise ValueError(f"cleanup {n} failed")

def handler(loop, context):
    print("handler:", context["message"])
    print("  keys:", sorted(context))
    print("  exception:", repr(context["exception"]))
    print("  task:", context["task"].get_name(), context["task"].done())

async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    for n in range(2):
        asyncio.create_task(stubborn(n), name=f"stubborn-{n}")
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
print("end")
