scores = {"ann": 91, "bob": 78, "cid": 85}
for name in scores:
    print(name, scores[name])
for name, score in scores.items():
    print(f"{name:>4}: {score}")
print(sorted(scores, key=scores.get), max(scores, key=scores.get))
print(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print({v: k for k, v in scores.items()})
print(sum(scores.values()) / len(scores))
