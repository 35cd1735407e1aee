def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! xyz"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 29) == enc, caesar(msg, -23) == enc)
