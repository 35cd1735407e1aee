import string
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"))
t = string.Template("$who likes ${what}!")
print(t.substitute(who="Ann", what="tea"), t.safe_substitute(who="Bob"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
