memo = {}
def ways(n):
    if n in memo:
        return memo[n]
    if n < 0:
        return 0
    if n == 0:
        return 1
    memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print([ways(i) for i in range(12)], ways(60))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(1, 5))
