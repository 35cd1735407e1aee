# traceback and sys.exception() with exception groups and except*.
import sys, traceback
class Out:
    def write(self, text):
        sys.stdout.write(text.replace(__file__, "prog.py"))
out = Out()
def boom():
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
try:
    boom()
except* ValueError as eg:
    traceback.print_exception(eg, file=out)
    print(repr(sys.exception()))
    traceback.print_exc(file=out)
except* TypeError as eg:
    print(traceback.format_exception_only(eg))
print(sys.exception())
