grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
row = [None] * 4
row[1] = "x"
print(row, [1, 2] * 0, [1, 2] * -3)
a = [1]
a *= 3
print(a)
