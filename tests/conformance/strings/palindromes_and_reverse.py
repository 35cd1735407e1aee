def is_pal(s):
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]
for s in ["racecar", "A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon"]:
    print(repr(s), is_pal(s))
print("".join(reversed("stressed")), " ".join(reversed("one two three".split())))
