# re.IGNORECASE beyond ASCII: Unicode's simple lowercase, the letters that
# share an uppercase (σ and ς, s and ſ, µ and μ, the Kelvin sign), classes,
# backreferences and the re.ASCII flag, as CPython's sre does it.
import re

pairs = [("σ", "ς"), ("Σ", "ς"), ("ς", "σ"), ("k", "\u212a"), ("s", "ſ"), ("ß", "ẞ"),
         ("i", "İ"), ("İ", "i"), ("ı", "I"), ("µ", "μ"), ("ǆ", "ǅ"), ("θ", "ϑ"), ("é", "É")]
for pat, s in pairs:
    literal = bool(re.fullmatch(pat, s, re.I))
    in_class = bool(re.fullmatch("[" + pat + "]", s, re.I))
    print(f"{pat!r} {s!r} literal={literal} class={in_class}")
print(re.findall("(?i)straße", "STRASSE Straße STRAẞE"))
print(bool(re.fullmatch(r"(σ)\1", "σς", re.I)), bool(re.fullmatch(r"(σ)\1", "σΣ", re.I)))
print(re.sub("(?i)σ", "_", "ΣσςΟΣ"), re.findall("(?i)[ſk]", "sSkK\u212a"))
print(bool(re.fullmatch("(?i)[α-ω]+", "ΣΊΣΥΦΟΣς")), bool(re.fullmatch("(?i)[α-ω]+", "ΣΙΣΥΦΟΣς")))
print(bool(re.fullmatch("(?ia)Σ", "σ")), bool(re.fullmatch("(?ia)[Σ]", "σ")),
      bool(re.fullmatch("(?ia)k", "K")), bool(re.fullmatch("(?ia)[a-z]", "\u212a")))
print(re.findall(r"(?i)\w+", "ΣΊΣΥΦΟΣ straße"), re.split("(?i)Σ", "aσbςcΣd"))
print(re.compile("ΟΔΟΣ", re.I).search("η οδος είναι").span())
