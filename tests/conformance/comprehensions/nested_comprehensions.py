matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2])
print({i: [j for j in range(i)] for i in range(4)})
print([[c * n for c in "ab"] for n in (1, 2)])
flat = [(a, b, c) for a in range(1, 10) for b in range(a, 10) for c in range(b, 15) if a * a + b * b == c * c]
print(flat)
