config = {"db": {"host": "localhost", "ports": [5432, 5433]}, "debug": True, "tags": ("a", "b")}
print(config)
print(config["db"]["ports"][1], config.get("db", {}).get("user", "root"))
config["db"]["user"] = "admin"
config.setdefault("cache", {})["ttl"] = 60
print(config)
def depth(d):
    return 1 + max((depth(v) for v in d.values() if isinstance(v, dict)), default=0)
print(depth(config), depth({}))
