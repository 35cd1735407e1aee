import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("debug mode:", loop.get_debug())
    print("running:", loop.is_running())
    print("same loop via get_event_loop:", asyncio.get_event_loop() is loop)
    return {"status": "ok"}

print(asyncio.run(main(), debug=True))
print(asyncio.run(main()))
