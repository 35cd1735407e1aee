matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix)
for row in matrix:
    print(" ".join(f"{v:2}" for v in row))
transposed = [list(col) for col in zip(*matrix)]
print(transposed)
print([row[::-1] for row in matrix])
print(matrix[1][2], matrix[-1][-1], [r[1] for r in matrix])
mixed = [1, "two", [3.0, ["four", None]], ("t",), {"d": [True]}]
print(mixed)
print(str(mixed) == repr(mixed))
