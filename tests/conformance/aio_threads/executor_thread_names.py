# The default executor's threads are named asyncio_N, a pool's are
# PREFIX_N or ThreadPoolExecutor-M_N; a thread that ran out of work takes
# the next job, so its name comes back.
import asyncio, threading, time, concurrent.futures

def job(d):
    time.sleep(d)
    return threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    print(loop)
    print(await asyncio.to_thread(job, 0.1))
    print(await asyncio.to_thread(job, 0.1))
    print(await asyncio.gather(*(asyncio.to_thread(job, 0.5) for _ in range(3))))
    with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="worker") as ex:
        print(await loop.run_in_executor(ex, job, 0))
    with concurrent.futures.ThreadPoolExecutor() as ex:
        print(ex.submit(job, 0).result())
    with concurrent.futures.ThreadPoolExecutor() as ex:
        print(ex.submit(job, 0).result())
    print(threading.Thread(target=print).name)

asyncio.run(main())
