import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    g = loop.create_future()
    done, pending = await asyncio.wait([f, g], return_when=asyncio.FIRST_COMPLETED)
    print("done has f:", f in done, "pending has g:", g in pending)
    done, pending = await asyncio.wait([f, g], timeout=0.01)
    print("with timeout:", len(done), len(pending))
    g.set_result("late")
    done, pending = await asyncio.wait([f, g, f])
    print("duplicates collapse:", len(done), len(pending))

asyncio.run(main())
