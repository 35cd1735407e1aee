# Outside asyncio: time.sleep at top level blocks the program; threads
# joined at top level finish first.
import threading
import time

start = time.monotonic()
results = []

def work(n):
    time.sleep(0.1 * n)
    results.append(n)

threads = [threading.Thread(target=work, args=(n,)) for n in (3, 1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
time.sleep(0.5)
print(f"[{round(time.monotonic() - start)} s]")
