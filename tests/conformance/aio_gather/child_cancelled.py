import asyncio

async def long():
    await asyncio.sleep(1)

async def quick():
    await asyncio.sleep(0.1)
    return "quick"

async def main():
    victim = asyncio.create_task(long())
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, victim.cancel)
    res = await asyncio.gather(victim, quick(), return_exceptions=True)
    print([type(r).__name__ for r in res])
    victim2 = asyncio.create_task(long())
    loop.call_later(0.05, victim2.cancel)
    try:
        await asyncio.gather(victim2, quick())
    except asyncio.CancelledError:
        print("gather raised CancelledError; current task cancelling:",
              asyncio.current_task().cancelling())
    print("main continues")

asyncio.run(main())
