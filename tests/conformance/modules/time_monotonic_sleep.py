import time
t0 = time.monotonic()
time.sleep(0.05)
elapsed = time.monotonic() - t0
print(elapsed >= 0.045, elapsed < 2.0)
p0 = time.perf_counter()
time.sleep(0)
print(time.perf_counter() >= p0)
print(type(time.time()).__name__, time.time() > 1_600_000_000)
print(callable(time.sleep), type(time.monotonic_ns()).__name__)
