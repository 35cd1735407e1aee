print("ell" in "hello", "xyz" in "hello", "" in "abc", "" in "")
print("a" < "b", "abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
print("apple" == "apple", "Apple" == "apple", "a" != "b")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(max("hello"), min("hello"), sorted("hello"))
print("abc" * 2 > "abcabb", "10" < "9", "é" > "z")
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
