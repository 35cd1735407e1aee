samples = ["it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "nul\x00", "bell\a", "uni é ☃", "\x1b[0m", "\u00a0nbsp", "\ud800" if False else "ok"]
for s in samples:
    print(repr(s), len(s))
print(samples[:3])
print(str(samples[3]))
