"""Text wrapping and filling (Looplab's own implementation, a simplified subset)."""

_whitespace = '\t\n\x0b\x0c\r '


def dedent(text):
    """Remove any common leading whitespace from every line in text."""
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            i = 0
            while i < len(margin) and i < len(indent) and margin[i] == indent[i]:
                i += 1
            margin = margin[:i]
    out = []
    for line in lines:
        if not line.strip(' \t'):
            out.append('')
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of selected lines in text."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)


class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def wrap(self, text):
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        words = text.split()
        lines = []
        cur = []
        cur_len = 0
        i = 0
        while i < len(words):
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            word = words[i]
            extra = len(word) + (1 if cur else 0)
            if cur_len + extra <= width:
                cur.append(word)
                cur_len += extra
                i += 1
                continue
            if not cur:
                if self.break_long_words:
                    cur.append(word[:width])
                    words[i] = word[width:]
                else:
                    cur.append(word)
                    i += 1
            lines.append(indent + ' '.join(cur))
            cur = []
            cur_len = 0
            if self.max_lines is not None and len(lines) >= self.max_lines:
                break
        if cur:
            indent = self.subsequent_indent if lines else self.initial_indent
            lines.append(indent + ' '.join(cur))
        if self.max_lines is not None and len(lines) > self.max_lines or (
                self.max_lines is not None and i < len(words)):
            lines = lines[:self.max_lines]
            last = lines[-1] if lines else ''
            while lines and len(last) + len(self.placeholder) > self.width:
                parts = last.rsplit(' ', 1)
                last = parts[0] if len(parts) > 1 else ''
            lines[-1] = last + self.placeholder
        return lines

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))
