// The code editor: CodeMirror 6 with Python highlighting, bundled by
// esbuild (scripts/build-editor.mjs) into one script that defines
// `window.LooplabEditor`. The Rust app calls only the functions below, so
// the editor library can change without touching the app.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, Decoration, WidgetType } from "@codemirror/view";
import { EditorState, StateField, StateEffect } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentOnInput, bracketMatching, syntaxHighlighting, defaultHighlightStyle,
  indentUnit } from "@codemirror/language";
// Highlighting and indentation rules of our own (python.js).
import { pythonLanguage } from "./python.js";

// The marked line (a traceback's or SyntaxError's line), as a line decoration.
const setMark = StateEffect.define();
const errorLine = Decoration.line({ class: "cm-error-line" });
const markField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setMark)) {
        marks = e.value == null ? Decoration.none
          : Decoration.set([errorLine.range(tr.state.doc.line(e.value).from)]);
      }
    }
    // Editing the code clears the mark: it described the code that ran.
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// The tasks' lines at the timeline's cursor: each waiting task's line in
// its colour, the running task's line highlighted, with the tasks named at
// the end of the line.
const setTasks = StateEffect.define();

class TaskTags extends WidgetType {
  constructor(tags) { super(); this.tags = tags; this.key = tags.flat().join("\u0000"); }
  eq(other) { return other.key === this.key; }
  toDOM() {
    const box = document.createElement("span");
    box.className = "cm-task-tags";
    for (const [colour, running, text] of this.tags) {
      const tag = document.createElement("span");
      tag.className = running ? "cm-task-tag running" : "cm-task-tag";
      tag.style.setProperty("--task", colour);
      tag.textContent = text;
      box.appendChild(tag);
    }
    return box;
  }
}

const tasksField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setTasks)) continue;
      const byLine = new Map();
      for (const [n, colour, running, text] of e.value) {
        if (n < 1 || n > tr.state.doc.lines) continue;
        if (!byLine.has(n)) byLine.set(n, []);
        byLine.get(n).push([colour, running, text]);
      }
      const ranges = [];
      for (const n of [...byLine.keys()].sort((a, b) => a - b)) {
        const tags = byLine.get(n);
        const line = tr.state.doc.line(n);
        const running = tags.find((t) => t[1]);
        const colour = (running || tags[0])[0];
        ranges.push(Decoration.line({
          class: running ? "cm-task-line running" : "cm-task-line",
          attributes: { style: `--task: ${colour}` },
        }).range(line.from));
        ranges.push(Decoration.widget({ widget: new TaskTags(tags), side: 1 }).range(line.to));
      }
      marks = Decoration.set(ranges, true);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

let view = null;

function lineNumber(n) {
  if (!view) return null;
  const max = view.state.doc.lines;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : null;
}

window.LooplabEditor = {
  /** Creates the editor in `parent`; `onRun` is called on Ctrl/Cmd-Enter, `onChange(text)` on edits. */
  create(parent, doc, onRun, onChange) {
    if (view) view.destroy();
    const runKeys = keymap.of([{ key: "Mod-Enter", preventDefault: true, run: () => { onRun(); return true; } }]);
    view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          runKeys,
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentUnit.of("    "),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          pythonLanguage,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          markField,
          tasksField,
          EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
          EditorView.contentAttributes.of({ "aria-label": "Python code" }),
        ],
      }),
    });
    view.dom.setAttribute("data-testid", "editor");
  },
  getValue() { return view ? view.state.doc.toString() : ""; },
  setValue(text) {
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  },
  /** Marks line `n` (1-based) as the error line; null clears the mark. */
  markLine(n) {
    if (!view) return;
    const line = n == null ? null : lineNumber(n);
    // Clearing what is not there would still cost an update of the view.
    if (line == null && view.state.field(markField).size === 0) return;
    view.dispatch({ effects: setMark.of(line) });
    if (line != null) this.gotoLine(line, false);
  },
  /** Marks tasks' lines: `markers` is a list of [line, colour, running, text]. */
  setMarkers(markers) {
    if (!view || (!markers.length && view.state.field(tasksField).size === 0)) return;
    view.dispatch({ effects: setTasks.of(markers) });
  },
  /** Moves the cursor to line `n` and scrolls it into view. */
  gotoLine(n, focus = true) {
    const line = lineNumber(n);
    if (line == null) return;
    const pos = view.state.doc.line(line).from;
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    if (focus) view.focus();
  },
  focus() { if (view) view.focus(); },
};
// The app may start before this script has run (the wasm loader comes
// first in the page, so its download and compilation start earlier).
window.dispatchEvent(new Event("looplab-editor"));
