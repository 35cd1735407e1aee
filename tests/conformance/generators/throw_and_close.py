def resilient():
    while True:
        try:
            x = yield "ready"
            print("  got", x)
        except ValueError as e:
            print("  handled", e)
            yield "recovered"
        finally:
            print("  finally block")
g = resilient()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("oops")))
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
g2 = resilient()
next(g2)
try:
    g2.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
