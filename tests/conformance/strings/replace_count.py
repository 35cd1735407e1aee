s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 1))
print(s.replace("one", "1", 2))
print(s.replace("one", "1", 0))
print(s.replace("one", "1", -1))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "x".replace("y", "z"))
