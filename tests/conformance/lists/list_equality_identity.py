a = [1, 2, [3]]
b = [1, 2, [3]]
c = a
print(a == b, a is b, a is c, a != b)
c.append(4)
print(a, b)
shallow = a.copy()
shallow[2].append("x")
print(a, shallow)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print([1, "a"] == [1, "a"], [1.0] == [1], [[]] == [[]])
