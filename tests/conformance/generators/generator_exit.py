def watcher():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit caught, cleaning up")
        raise
g = watcher()
print(next(g))
g.close()
print("after close")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
unstarted = watcher()
unstarted.close()
print("closing an unstarted generator is fine")
