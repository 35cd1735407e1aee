//! The Markdown the course is written in, drawn as Yew nodes. Text always
//! becomes text nodes — never HTML — so course files cannot inject markup.
//!
//! The subset (what `exercises/AUTHORING.md` allows): `#`/`##`/`###`
//! headings, paragraphs, `-` and `1.` lists (continuation lines indented),
//! `> ` quotes, fenced code blocks, `` `code` ``, `**strong**`, `*em*`,
//! `[text](#/page)` / `[text](https://...)` links, and `!example FILE.py`
//! lines, drawn by the caller.

use yew::prelude::*;

/// One block of a document, before drawing.
#[derive(Debug, PartialEq)]
enum Block {
    Heading(u8, String),
    Para(String),
    List { ordered: bool, items: Vec<String> },
    Quote(String),
    Code(String),
    Example(String),
}

fn parse_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("```") {
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code(code.join("\n")));
        } else if let Some(rest) = line.strip_prefix("!example") {
            let file = rest.split_whitespace().next().unwrap_or_default();
            blocks.push(Block::Example(file.to_string()));
        } else if let Some((level, title)) = heading(line) {
            blocks.push(Block::Heading(level, title.to_string()));
        } else if let Some((ordered, first)) = item(line) {
            let mut items = vec![first.to_string()];
            while let Some(next) = lines.peek() {
                if next.trim().is_empty() {
                    // A blank line ends the list unless another item follows.
                    let mut ahead = lines.clone();
                    ahead.next();
                    if ahead.next().and_then(item).is_some_and(|(o, _)| o == ordered) {
                        lines.next();
                        continue;
                    }
                    break;
                }
                if let Some((o, text)) = item(next) {
                    if o != ordered {
                        break;
                    }
                    items.push(text.to_string());
                } else if next.starts_with(' ') {
                    let last = items.last_mut().expect("a list has its first item");
                    last.push(' ');
                    last.push_str(next.trim());
                } else {
                    break;
                }
                lines.next();
            }
            blocks.push(Block::List { ordered, items });
        } else if let Some(rest) = trimmed.strip_prefix('>') {
            let mut text = rest.trim().to_string();
            while let Some(more) = lines.peek().and_then(|l| l.trim_start().strip_prefix('>')) {
                text.push(' ');
                text.push_str(more.trim());
                lines.next();
            }
            blocks.push(Block::Quote(text));
        } else {
            let mut text = trimmed.trim_end().to_string();
            while let Some(next) = lines.peek() {
                let t = next.trim();
                if t.is_empty() || t.starts_with("```") || next.starts_with("!example") || heading(next).is_some() || item(next).is_some() || t.starts_with('>') {
                    break;
                }
                text.push(' ');
                text.push_str(t);
                lines.next();
            }
            blocks.push(Block::Para(text));
        }
    }
    blocks
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    (1..=4).contains(&hashes).then(|| (hashes as u8, rest.trim()))
}

/// A list item's kind (ordered or not) and text.
fn item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| (true, rest.trim()))
}

/// Inline spans, before drawing.
#[derive(Debug, PartialEq)]
enum Span {
    Text(String),
    Code(String),
    Strong(Vec<Span>),
    Em(Vec<Span>),
    Link(String, Vec<Span>),
}

fn parse_inline(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let flush = |plain: &mut String, out: &mut Vec<Span>| {
        if !plain.is_empty() {
            out.push(Span::Text(std::mem::take(plain)));
        }
    };
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        let span = match c {
            '`' => after.find('`').map(|end| (Span::Code(after[..end].to_string()), &after[end + 1..])),
            '*' if after.starts_with('*') => {
                let inner = &after[1..];
                inner.find("**").filter(|&e| e > 0).map(|end| (Span::Strong(parse_inline(&inner[..end])), &inner[end + 2..]))
            }
            '*' if !after.starts_with(' ') => after.find('*').filter(|&e| e > 0).map(|end| (Span::Em(parse_inline(&after[..end])), &after[end + 1..])),
            '[' => link(after),
            _ => None,
        };
        match span {
            Some((span, next)) => {
                flush(&mut plain, &mut out);
                out.push(span);
                rest = next;
            }
            None => {
                plain.push(c);
                rest = after;
            }
        }
    }
    flush(&mut plain, &mut out);
    out
}

/// `text](href)` after a `[`: only in-app and https links are links.
fn link(after: &str) -> Option<(Span, &str)> {
    let close = after.find("](")?;
    let tail = &after[close + 2..];
    let end = tail.find(')')?;
    let href = &tail[..end];
    if !(href.starts_with("#/") || href.starts_with("https://")) {
        return None;
    }
    Some((Span::Link(href.to_string(), parse_inline(&after[..close])), &tail[end + 1..]))
}

fn draw_spans(spans: &[Span]) -> Html {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => html! { { t.clone() } },
            Span::Code(t) => html! { <code>{ t.clone() }</code> },
            Span::Strong(inner) => html! { <strong>{ draw_spans(inner) }</strong> },
            Span::Em(inner) => html! { <em>{ draw_spans(inner) }</em> },
            Span::Link(href, inner) => {
                let external = href.starts_with("https://");
                html! {
                    <a href={href.clone()} target={external.then_some("_blank")} rel={external.then_some("noopener noreferrer")}>
                        { draw_spans(inner) }
                    </a>
                }
            }
        })
        .collect()
}

/// One line of inline Markdown (a step, a hint, a quiz prompt).
pub fn inline(text: &str) -> Html {
    draw_spans(&parse_inline(text))
}

/// A whole document; `example(file)` draws each `!example` line.
pub fn render(text: &str, example: &dyn Fn(&str) -> Html) -> Html {
    parse_blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Heading(1, t) => html! { <h1>{ inline(&t) }</h1> },
            Block::Heading(2, t) => html! { <h2>{ inline(&t) }</h2> },
            Block::Heading(_, t) => html! { <h3>{ inline(&t) }</h3> },
            Block::Para(t) => html! { <p>{ inline(&t) }</p> },
            Block::Quote(t) => html! { <blockquote>{ inline(&t) }</blockquote> },
            Block::Code(t) => html! { <pre class="md-code"><code>{ t }</code></pre> },
            Block::List { ordered: false, items } => html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
            Block::List { ordered: true, items } => html! { <ol>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ol> },
            Block::Example(file) => example(&file),
        })
        .collect()
}

/// A document without examples.
pub fn prose(text: &str) -> Html {
    render(text, &|_| Html::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        let doc = "# Title\n\nSome *text*\nwrapped.\n\n!example a.py\n\n- one\n  more\n- two\n\n1. first\n2. second\n\n```\ncode  here\n```\n> quoted\n";
        assert_eq!(
            parse_blocks(doc),
            vec![
                Block::Heading(1, "Title".into()),
                Block::Para("Some *text* wrapped.".into()),
                Block::Example("a.py".into()),
                Block::List { ordered: false, items: vec!["one more".into(), "two".into()] },
                Block::List { ordered: true, items: vec!["first".into(), "second".into()] },
                Block::Code("code  here".into()),
                Block::Quote("quoted".into()),
            ]
        );
    }

    #[test]
    fn inline_spans() {
        assert_eq!(
            parse_inline("a `x*y` **b *c*** 2 * 3 [go](#/learn) [no](javascript:x)"),
            vec![
                Span::Text("a ".into()),
                Span::Code("x*y".into()),
                Span::Text(" ".into()),
                Span::Strong(vec![Span::Text("b *c".into())]),
                Span::Text("* 2 * 3 ".into()),
                Span::Link("#/learn".into(), vec![Span::Text("go".into())]),
                Span::Text(" [no](javascript:x)".into()),
            ]
        );
        assert_eq!(parse_inline("**b** *c*"), vec![Span::Strong(vec![Span::Text("b".into())]), Span::Text(" ".into()), Span::Em(vec![Span::Text("c".into())])]);
        assert_eq!(parse_inline("<b>&amp;</b>"), vec![Span::Text("<b>&amp;</b>".into())]);
    }
}
