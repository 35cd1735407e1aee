print("before")
int("not a number")
print("after")
