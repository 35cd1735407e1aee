import sys
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
sys.stderr.write("raw stderr line\n")
print("to stdout 2")
raise IndexError("final error")
