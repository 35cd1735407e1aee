def run(x):
    log = []
    try:
        log.append("try")
        if x == "raise":
            raise ValueError("boom")
        if x == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for mode in ["ok", "raise", "return"]:
    print(mode, run(mode))
