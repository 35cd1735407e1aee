import asyncio

def cb_a(fut):
    print("A", fut.result())

def cb_b(fut):
    print("B", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(cb_a)
    fut.add_done_callback(cb_b)
    fut.add_done_callback(cb_a)
    print("removed", fut.remove_done_callback(cb_a))
    print("removed again", fut.remove_done_callback(cb_a))
    print("removed unknown", fut.remove_done_callback(print))
    fut.set_result(1)
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
