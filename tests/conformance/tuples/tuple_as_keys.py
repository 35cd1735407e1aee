grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(sorted(grid)[:4])
dist = {("a", "b"): 5, ("b", "c"): 7}
for (src, dst), d in dist.items():
    print(f"{src}->{dst}: {d}")
