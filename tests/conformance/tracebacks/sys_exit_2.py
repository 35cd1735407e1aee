import sys
print("about to exit")
sys.exit(2)
print("never printed")
