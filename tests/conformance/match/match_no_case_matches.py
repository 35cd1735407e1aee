x = 42
match x:
    case 1:
        print("one")
    case "42":
        print("string")
print("no case matched, execution continues")
match (1, 2):
    case (a, b, c):
        print("three")
    case (a, b):
        print("bound", a, b)
print(a, b)
