records = [("alice", 3), ("bob", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 3)]
by_score = sorted(records, key=lambda r: r[1])
print(by_score)
by_score_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_score_desc)
two_pass = sorted(records, key=lambda r: r[0], reverse=True)
two_pass.sort(key=lambda r: r[1])
print(two_pass)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
