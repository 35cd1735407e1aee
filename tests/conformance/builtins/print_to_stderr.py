import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("last stderr line", "two parts", sep="::", file=sys.stderr)
print("stdout again", file=sys.stdout)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print(n)
print(None, file=None)
