def grade(score):
    match score:
        case int(s) if s >= 90:
            return "A"
        case int(s) if s >= 80:
            return "B"
        case int(s) if s < 0 or s > 100:
            return "invalid"
        case int():
            return "C or below"
        case _:
            return "not an int"
for s in [95, 90, 85, 42, -5, 101, "90", 88.0]:
    print(s, grade(s))
calls = []
def check(v):
    calls.append(v)
    return v > 1
match 5:
    case 1 if check(1):
        pass
    case n if check(n):
        print("guard matched", n)
print(calls)
