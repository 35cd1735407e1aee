nothing = None
samples = {
    "int('x')": lambda: int("x"),
    "[1][2]": lambda: [1][2],
    "{}['a']": lambda: {}["a"],
    "None()": lambda: nothing(),
    "'a' + 1": lambda: "a" + 1,
    "1 + 'a'": lambda: 1 + "a",
    "len(5)": lambda: len(5),
    "'abc'.nope": lambda: "abc".nope,
    "import nope": lambda: __import__("nope_module_xyz"),
    "iter(5)": lambda: iter(5),
    "[].index(1)": lambda: [].index(1),
    "float('x')": lambda: float("x"),
    "int(None)": lambda: int(None),
    "max([])": lambda: max([]),
    "'x' * 1.5": lambda: "x" * 1.5,
    "abs('x')": lambda: abs("x"),
}
for label, fn in samples.items():
    try:
        fn()
    except Exception as e:
        print(f"{label:14} {type(e).__name__}: {e}")
