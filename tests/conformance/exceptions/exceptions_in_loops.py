results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError as e:
        results.append(type(e).__name__)
        break
    finally:
        results.append("|")
else:
    results.append("no break")
print(results)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("cleanup", i)
