// Python for the editor: a line-by-line tokenizer for highlighting plus
// indentation rules, on CodeMirror's StreamLanguage. The full Lezer grammar
// (@codemirror/lang-python) was a fifth of the page's first load, and the
// editor needs neither its syntax tree nor its folding: highlighting and
// indentation only have to be right line by line.
import { StreamLanguage } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const words = (s) => new Set(s.split(" "));
const KEYWORDS = words("and as assert async await break class continue def del elif else except finally for from "
  + "global if import in is lambda nonlocal not or pass raise return try while with yield");
// Soft keywords: keywords only where they open a statement (`match x:`).
const SOFT = words("match case");
const CONSTANTS = { True: "bool", False: "bool", None: "null" };
// After these the next line goes back one level, as in IDLE.
const ENDS_BLOCK = words("return pass break continue raise");
// Which block each continuing clause belongs to.
const CONTINUES = {
  elif: words("if elif"),
  else: words("if elif for while try except"),
  except: words("try except"),
  finally: words("try except else"),
};
const OPEN = "([{";
const CLOSE = ")]}";

const startState = () => ({
  str: null, // the open string: { quote, style }
  brackets: [], // open brackets: { col, indent, hanging }
  blocks: [], // open blocks: { kw, indent } of lines that ended in ':'
  indent: 0, // the current logical line's indentation,
  first: "", // its first token
  last: "", // and its last one (comments aside)
  pending: true, // the next token starts a logical line
  cont: false, // the line ended in a backslash
  defines: null, // the style of the name after `def`/`class`
});

const copyState = (s) => ({ ...s, brackets: s.brackets.slice(), blocks: s.blocks.slice() });

function note(state, tok) {
  if (!state.first) state.first = tok;
  state.last = tok;
}

/** A logical line starts at indentation `indent`: the one before it may have opened a block, and this one closes the blocks it is not inside. */
function startLine(state, indent) {
  if (state.last === ":") state.blocks.push({ kw: state.first, indent: state.indent });
  while (state.blocks.length && state.blocks[state.blocks.length - 1].indent >= indent) state.blocks.pop();
  Object.assign(state, { indent, first: "", last: "", pending: false });
}

function readString(stream, state) {
  const { quote, style } = state.str;
  while (!stream.eol()) {
    if (stream.match(quote)) {
      state.str = null;
      return style;
    }
    // A backslash escapes the next character, even in raw strings (r"\"").
    if (stream.next() === "\\") {
      if (stream.eol()) return style; // continued on the next line
      stream.next();
    }
  }
  if (quote.length === 1) state.str = null; // unterminated: ends with the line
  return style;
}

function token(stream, state) {
  if (stream.sol()) {
    if (!state.str && !state.brackets.length && !state.cont) state.pending = true;
    state.cont = false;
  }
  if (state.str) return readString(stream, state);
  if (stream.eatSpace()) return null;
  if (stream.peek() === "#") {
    stream.skipToEnd();
    return "comment";
  }
  if (state.pending) startLine(state, stream.indentation());
  let m;
  if ((m = stream.match(/^([rRbBuUfF]{1,2})?('''|"""|'|")/))) {
    note(state, "str");
    state.str = { quote: m[2], style: /f/i.test(m[1] || "") ? "fstring" : "string" };
    return readString(stream, state);
  }
  if (stream.match(/^(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d[\d_]*)?[jJ]?)/)) {
    note(state, "num");
    return "number";
  }
  if ((m = stream.match(/^[A-Za-z_\u00a1-\uffff][\w\u00a1-\uffff]*/))) {
    const w = m[0];
    let style = "variable";
    if (state.defines) {
      style = state.defines;
      state.defines = null;
    } else if (state.last === ".") {
      style = "property";
    } else if (KEYWORDS.has(w) || (SOFT.has(w) && !state.first && /^\s+[^\s=.,)\]}].*:\s*(#.*)?$/.test(stream.string.slice(stream.pos)))) {
      style = "keyword";
      if (w === "def") state.defines = "function";
      if (w === "class") state.defines = "className";
    } else if (CONSTANTS[w]) {
      style = CONSTANTS[w];
    }
    note(state, w);
    return style;
  }
  const ch = stream.next();
  if (ch === "@" && !state.first) {
    stream.match(/^[\w.]*/);
    note(state, "@");
    return "meta";
  }
  if (OPEN.includes(ch)) {
    const hanging = !/^\s*(#.*)?$/.test(stream.string.slice(stream.pos));
    state.brackets.push({ col: stream.column(), indent: state.indent, hanging });
  } else if (CLOSE.includes(ch)) {
    state.brackets.pop();
  } else if (ch === "\\" && stream.eol()) {
    state.cont = true;
  }
  note(state, ch);
  return null;
}

function indent(state, textAfter, cx) {
  if (state.str) return null; // inside a triple-quoted string: leave it as it is
  const open = state.brackets[state.brackets.length - 1];
  if (open) {
    if (/^[)\]}]/.test(textAfter)) return open.indent; // the closing bracket lines up with its line
    return open.hanging ? open.col + 1 : open.indent + cx.unit;
  }
  // A continuing clause lines up with the innermost block it can continue
  // that is not deeper than where it was typed (an `else:` typed under an
  // `if` that holds a `for` belongs to the `if`).
  const clause = /^(elif|else|except|finally)\b/.exec(textAfter);
  if (clause) {
    const typed = cx.lineIndent(cx.pos);
    const blocks = state.last === ":" ? [...state.blocks, { kw: state.first, indent: state.indent }] : state.blocks;
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (blocks[i].indent <= typed && CONTINUES[clause[1]].has(blocks[i].kw)) return blocks[i].indent;
    }
  }
  if (state.last === ":" || state.cont) return state.indent + cx.unit;
  if (ENDS_BLOCK.has(state.first)) return Math.max(0, state.indent - cx.unit);
  return state.indent;
}

export const pythonLanguage = StreamLanguage.define({
  name: "python",
  startState,
  copyState,
  token,
  indent,
  languageData: {
    commentTokens: { line: "#" },
    indentOnInput: /^\s*([\}\]\)]|else:|elif |except |finally:)$/,
  },
  tokenTable: {
    keyword: t.keyword,
    variable: t.variableName,
    property: t.propertyName,
    function: t.function(t.definition(t.variableName)),
    className: t.definition(t.className),
    bool: t.bool,
    null: t.null,
    number: t.number,
    string: t.string,
    fstring: t.special(t.string),
    comment: t.lineComment,
    meta: t.meta,
  },
});
