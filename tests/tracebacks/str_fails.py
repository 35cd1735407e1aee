class Weird(Exception):
    def __str__(self):
        raise RuntimeError("nope")

raise Weird("x")
