# Case mappings beyond ASCII: full mappings (ß, ŉ, ﬁ, İ), titlecase
# digraphs, casefold, final sigma in each method, Cherokee, Georgian.
samples = [
    "straße", "ŉ", "ﬁle ﬂow", "İstanbul", "ǆungla ǅ Ǆ", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "Σ", "aΣ", "aΣb", "aΣ.", "aΣ'b",
    "ΌΣΟΣ ΣΑΣ", "ꭰꭱꭲ ᏸᏹ", "ᲐᲑᲒ აბგ", "ǰ ΐ ῒ", "Ωmega ohm Ω", "K kelvin", "ÿ Ÿ", "ﬀ", "ᾈ ᾀ ᾳ", "ǈ", "Ǉ",
    "hello WORLD", "ÀÉÎÕÜ àéîõü", "ﬃ ﬄ ﬅ", "ǅemal", "ŉa",
]
for s in samples:
    print(repr(s), s.lower(), s.upper(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
print("ß".upper() == "SS", "ﬁ".title(), "ǆ".capitalize(), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Β".lower())
print(sorted({c.lower() for c in "ΑΒΓΣΩ"}), "ΣΑΣ".title(), "σας".upper())
import re
print(re.findall("(?i)straße", "STRASSE Straße straße"), re.sub("(?i)é", "e", "ÉéE"))
