import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught", repr(e), e.code)
try:
    sys.exit(0)
except SystemExit as e:
    print("caught", e.code)
def cleanup():
    try:
        sys.exit(5)
    finally:
        print("finally runs on exit")
cleanup()
