def task(n):
    try:
        {}[n]
    except KeyError:
        raise ValueError(f"task {n} failed")

errs = []
for n in ("x", "y"):
    try:
        task(n)
    except ValueError as e:
        errs.append(e)
e = ExceptionGroup("tasks", errs)
e.add_note("note for group")
raise e
