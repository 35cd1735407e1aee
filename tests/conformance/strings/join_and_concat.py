words = ["alpha", "beta", "gamma"]
print(", ".join(words), "".join(words), "-".join("abc"))
print("\n".join(["line1", "line2"]))
print(" ".join(str(n) for n in range(5)))
print("|".join([]), "|".join(["only"]))
try:
    ", ".join([1, 2, 3])
except TypeError as e:
    print(type(e).__name__, e)
s = ""
for w in words:
    s += w[0]
print(s, "ab" + "cd", "-" * 10)
