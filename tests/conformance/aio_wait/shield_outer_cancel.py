import asyncio

async def important():
    print("important: started")
    await asyncio.sleep(0.25)
    print("important: finished")
    return "saved"

async def guard(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("guard: shield raised CancelledError")
        raise

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(guard(inner))
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner done:", inner.done())
    print("inner result:", await inner)

asyncio.run(main())
