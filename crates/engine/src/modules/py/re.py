"""Regular expressions: the API of CPython's `re` over the engine's own
backtracking matcher (`_re`, in Rust). Positions are code points, as in
CPython; bytes patterns work on their latin-1 view, which keeps indices."""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
           "PatternError"]

_MAXSIZE = 9223372036854775807


class RegexFlag(int):
    _names = [(256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (32, "UNICODE"),
              (8, "MULTILINE"), (16, "DOTALL"), (64, "VERBOSE"), (128, "DEBUG")]

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in sorted(RegexFlag._names):
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)


class PatternError(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = "re"
error = PatternError


def _latin1(s):
    return s.decode("latin-1")


class Pattern:
    def __init__(self, pattern, flags):
        if isinstance(flags, RegexFlag):
            flags = int(flags)
        self.pattern = pattern
        self._bytes = isinstance(pattern, (bytes, bytearray))
        given = flags
        if self._bytes:
            if flags & 32:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            source = _latin1(pattern)
            flags |= 256
        else:
            if flags & 4:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & 256 and flags & 32:
                raise ValueError("ASCII and UNICODE flags are incompatible")
            source = pattern
        r = _re.compile(source, flags)
        if not r[0]:
            raise PatternError(r[1], pattern, r[2])
        self._source = source
        self._flags = r[3]
        self.groups = r[1]
        self.groupindex = dict(r[2])
        if self._bytes:
            self.flags = (self._flags & ~256) | (given & 256)
        else:
            self.flags = self._flags if self._flags & 256 else self._flags | 32
        self._last = None

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~32
        if flags:
            return "re.compile(%r, %r)" % (self.pattern, RegexFlag(flags))
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            if not isinstance(string, (bytes, bytearray)):
                raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
            last = self._last
            if last is not None and last[0] is string:
                return last[1]
            text = _latin1(bytes(string))
            self._last = (string, text)
            return text
        if isinstance(string, str):
            return string
        if isinstance(string, (bytes, bytearray)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        text = self._text(string)
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        spans = _re.match(self._source, self._flags, text, min(pos, n), max(endpos, 0), mode, False)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _iter(self, string, pos=0, endpos=_MAXSIZE):
        text = self._text(string)
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        start = pos
        must_advance = False
        while pos <= endpos:
            spans = _re.match(self._source, self._flags, text, pos, endpos, 2, must_advance)
            if spans is None:
                return
            yield Match(self, string, spans, start, endpos)
            must_advance = spans[0] == spans[1]
            pos = spans[1]

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        empty = b"" if self._bytes else ""
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                g = m.group(1)
                out.append(empty if g is None else g)
            else:
                out.append(m.groups(empty))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            parts = _parse_template(self, repl)
            if len(parts) == 1 and isinstance(parts[0], (str, bytes)):
                literal = parts[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand(m, parts)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            # Like CPython: empty gaps are skipped and a None result adds nothing
            # (so a bad result is reported as the same "sequence item").
            if m.start() > last:
                out.append(string[last:m.start()])
            r = expand(m)
            if r is not None:
                out.append(r)
            last = m.end()
            n += 1
        out.append(string[last:])
        joiner = b"" if self._bytes else ""
        return joiner.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("Pattern.scanner is not supported")


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] >= 0 and e >= best_end:
                # The group that closed last; an enclosing group closes after its inner ones.
                if best is None or e > best_end or self._spans[2 * i] <= self._spans[2 * best]:
                    best = i
                    best_end = e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, g in self.re.groupindex.items():
            if g == i:
                return name
        return None

    def expand(self, template):
        return _expand(self, _parse_template(self.re, template))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


def _parse_template(pattern, template):
    """Splits a replacement template into literal text and group numbers."""
    is_bytes = isinstance(template, (bytes, bytearray))
    if is_bytes != pattern._bytes:
        if is_bytes:
            raise TypeError("expected str instance, bytes found")
        raise TypeError("expected a bytes-like object, str found")
    t = _latin1(bytes(template)) if is_bytes else template
    parts = []
    lit = []
    i = 0
    n = len(t)
    while i < n:
        c = t[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise PatternError("bad escape (end of pattern)", template, i)
        d = t[i + 1]
        if d == "g":
            j = i + 2
            if j >= n or t[j] != "<":
                raise PatternError("missing <", template, j)
            k = t.find(">", j + 1)
            if k < 0:
                raise PatternError("missing >, unterminated name", template, j + 1)
            name = t[j + 1:k]
            if not name:
                raise PatternError("missing group name", template, j + 1)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > pattern.groups:
                    raise PatternError("invalid group reference %d" % g, template, j + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern.groupindex[name]
            else:
                raise PatternError("bad character in group name '%s'" % name, template, j + 1)
            _flush(parts, lit)
            parts.append(g)
            i = k + 1
        elif d == "0":
            j = i + 2
            v = 0
            while j < n and j < i + 4 and t[j] in "01234567":
                v = v * 8 + int(t[j])
                j += 1
            lit.append(chr(v))
            i = j
        elif d.isdigit() and d.isascii():
            j = i + 1
            if j + 2 < n + 0 and t[j:j + 3].isdigit() and all(ch in "01234567" for ch in t[j:j + 3]):
                v = int(t[j:j + 3], 8)
                if v > 0o377:
                    raise PatternError("octal escape value \\%s outside of range 0-0o377" % t[j:j + 3], template, i)
                lit.append(chr(v))
                i = j + 3
                continue
            k = j + 1
            if k < n and t[k].isdigit() and t[k].isascii():
                k += 1
            g = int(t[j:k])
            if g > pattern.groups:
                raise PatternError("invalid group reference %d" % g, template, i + 1)
            _flush(parts, lit)
            parts.append(g)
            i = k
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
            i += 2
        elif d.isascii() and d.isalpha():
            raise PatternError("bad escape \\%s" % d, template, i)
        else:
            lit.append("\\" + d)
            i += 2
    _flush(parts, lit)
    if is_bytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    if not parts:
        parts.append(b"" if is_bytes else "")
    return parts


def _flush(parts, lit):
    if lit:
        parts.append("".join(lit))
        lit.clear()


def _expand(m, parts):
    empty = b"" if m.re._bytes else ""
    out = []
    for p in parts:
        if isinstance(p, int):
            g = m._get(p)
            if g is not None:
                out.append(g)
        else:
            out.append(p)
    return empty.join(out)


_cache = {}


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


_SPECIAL = set("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    text = _latin1(bytes(pattern))
    return "".join("\\" + c if c in _SPECIAL else c for c in text).encode("latin-1")
