def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty-ish mapping"
for e in [{"type": "click", "pos": (3, 4)}, {"type": "key", "key": "a", "mods": ["ctrl"]},
          {"type": "key", "key": 5}, {"type": "scroll"}, {"other": 1}, {}, [("type", "click")]]:
    print(e, "->", handle(e))
