"""Common string constants and Template (Looplab's own implementation)."""

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words, capitalize each and join them with sep (or one space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or '0' <= c <= '9'


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _parse(self):
        """Yields (literal, name, start); name is None at the end or for '$$'."""
        s = self.template
        d = self.delimiter
        i = 0
        lit = []
        n = len(s)
        while i < n:
            if not s.startswith(d, i):
                lit.append(s[i])
                i += 1
                continue
            j = i + len(d)
            if s.startswith(d, j):
                lit.append(d)
                i = j + len(d)
                continue
            if j < n and s[j] == '{':
                k = j + 1
                if k < n and _is_ident_start(s[k]):
                    e = k + 1
                    while e < n and _is_ident_char(s[e]):
                        e += 1
                    if e < n and s[e] == '}':
                        yield ''.join(lit), s[k:e], i, e + 1
                        lit = []
                        i = e + 1
                        continue
                yield ''.join(lit), None, i, -1
                lit = []
                i = j
                continue
            if j < n and _is_ident_start(s[j]):
                e = j + 1
                while e < n and _is_ident_char(s[e]):
                    e += 1
                yield ''.join(lit), s[j:e], i, e
                lit = []
                i = e
                continue
            yield ''.join(lit), None, i, -1
            lit = []
            i = j
        yield ''.join(lit), None, n, 0

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        out = []
        for lit, name, start, end in self._parse():
            out.append(lit)
            if name is not None:
                out.append('%s' % (mapping[name],))
            elif end == -1:
                self._invalid(start)
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        out = []
        s = self.template
        for lit, name, start, end in self._parse():
            out.append(lit)
            if name is not None:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(s[start:end])
            elif end == -1:
                out.append(self.delimiter)
        return ''.join(out)

    def get_identifiers(self):
        ids = []
        for lit, name, start, end in self._parse():
            if name is not None and name not in ids:
                ids.append(name)
        return ids

    def is_valid(self):
        for lit, name, start, end in self._parse():
            if name is None and end == -1:
                return False
        return True
