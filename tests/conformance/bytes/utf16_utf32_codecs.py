print("abc".encode("utf-16-le"), "A".encode("utf-32-be"), "hi🎉".encode("utf-16"), "x".encode("utf-32"))
print("hi🎉".encode("utf-16").decode("utf-16"), b"\x00a".decode("utf-16-be"), "é🎉".encode("utf-32-le").decode("utf-32-le"))
try:
    b"abc".decode("utf-16-le")
except UnicodeDecodeError as e:
    print(e)
