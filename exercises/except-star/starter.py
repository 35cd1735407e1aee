import asyncio


async def upload(name, seconds):
    await asyncio.sleep(seconds)
    if name == "secret.txt":
        raise PermissionError(f"{name} is private")
    if name == "huge.iso":
        raise TimeoutError(f"{name} took too long")
    print("uploaded", name)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(upload("notes.txt", 0.1))
            tg.create_task(upload("secret.txt", 0.2))
            tg.create_task(upload("huge.iso", 0.2))
            tg.create_task(upload("photo.png", 0.5))
    except Exception as e:
        print("something failed:", e)


asyncio.run(main())
