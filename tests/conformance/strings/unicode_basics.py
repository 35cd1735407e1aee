s = "naïve café 日本語 🎉"
print(s, len(s))
print(s.upper(), s[::-1])
print([ord(c) for c in "é日🎉"])
print(chr(233), chr(26085), chr(127881), chr(0x41))
print(s.encode("utf-8"))
print(len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("é" == "e\u0301", len("e\u0301"))
print(ascii("café"), ascii("🎉"))
