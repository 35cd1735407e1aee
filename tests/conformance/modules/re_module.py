import re
text = "Order 66 shipped on 2024-01-15; order 7 pending since 2023-12-01."
print(re.findall(r"\d+", text))
print(re.findall(r"(\d{4})-(\d{2})-(\d{2})", text))
m = re.search(r"order (\d+)", text, re.IGNORECASE)
print(m.group(0), m.group(1), m.start(), m.end(), m.span())
print(re.match(r"Order", text) is not None, re.match(r"order", text))
print(re.sub(r"\d{4}-\d{2}-\d{2}", "<date>", text))
print(re.split(r"[;,.]\s*", "a; b, c.d"))
m = re.fullmatch(r"(?P<user>\w+)@(?P<host>[\w.]+)", "ann@example.com")
print(m.groupdict(), m["user"], m.group("host"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.escape("a.b*c"))
pat = re.compile(r"\b\w{5}\b")
print(pat.findall("these words have five chars: apple mango"), [m.group() for m in pat.finditer("quick brown")])
