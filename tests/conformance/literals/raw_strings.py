print(r"C:\new\table")
print(R"\d+\.\d+")
print(repr(r"\n"), len(r"\n"))
print(r"a\"b")
print(rb"\x00", repr(rb"\x00"))
print(r'''raw
\triple''')
