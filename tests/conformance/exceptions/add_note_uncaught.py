def parse(line):
    try:
        return int(line)
    except ValueError as e:
        e.add_note(f"line was {line!r}")
        e.add_note("hint: use digits only")
        raise
print(parse("12"))
print(parse("twelve"))
