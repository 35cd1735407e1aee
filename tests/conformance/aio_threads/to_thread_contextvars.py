import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")

def read_var():
    return request_id.get()

def set_var():
    request_id.set("changed in thread")
    return request_id.get()

async def main():
    print("before:", await asyncio.to_thread(read_var))
    request_id.set("req-42")
    print("thread sees:", await asyncio.to_thread(read_var))
    print("thread sets:", await asyncio.to_thread(set_var))
    print("coroutine still sees:", request_id.get())
    loop = asyncio.get_running_loop()
    print("run_in_executor does not copy context:", await loop.run_in_executor(None, read_var))

asyncio.run(main())
