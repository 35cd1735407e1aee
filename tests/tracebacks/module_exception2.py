class ParseError(Exception):
    __module__ = "mylib.parser"

def parse(text):
    raise ParseError(f"unexpected token {text!r}")

parse("@")
