# gc.collect() and the switches.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.collect(), gc.collect(0))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
