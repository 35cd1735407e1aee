# traceback: reporting a caught exception as Python reports an uncaught one.
import sys
import traceback


class Out:
    """stdout, with this file's path (absolute in CPython) as prog.py."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, "prog.py"))


out = Out()


def parse(text):
    return int(text)


def load(items):
    return [parse(t) for t in items]


try:
    load(["1", "x"])
except ValueError:
    print(traceback.format_exc(), end="", file=out)
    print(sys.exc_info()[0].__name__, repr(sys.exception()))
    traceback.print_exc(file=out)
    traceback.print_exc(limit=1, file=out)
    traceback.print_exc(limit=-1, file=out)

print(sys.exception(), sys.exc_info())


class ConfigError(Exception):
    pass


def read():
    try:
        return {}["port"]
    except KeyError as e:
        raise ConfigError("no port") from e


try:
    read()
except ConfigError as e:
    pieces = traceback.format_exception(e)
    print(len(pieces) > 3, repr(pieces[-1]))
    print("".join(pieces), end="", file=out)
    print("".join(traceback.format_exception(e, chain=False)), end="", file=out)
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)) == "".join(pieces))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]
except IndexError:
    traceback.print_exc(file=out)
    try:
        raise KeyError("inner")
    except KeyError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))

e = ValueError("kept")
e.add_note("a note")
print(traceback.format_exception_only(e))
print(traceback.format_exception(e))
print(traceback.format_exc(), end="", file=out)
traceback.print_exc(file=out)
