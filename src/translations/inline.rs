//! The markdown in a piece to translate, as a translation tool shows it:
//! words to translate, and tags (XLIFF's inline codes) for what must come
//! back as it went out. Emphasis and a link's words are a pair of tags
//! around words a translator can move; a link's address, a heading's `##`
//! and anything else that is not words are a single tag. Put back
//! together, the pieces are the markdown they came from, byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

/// A run of a piece's markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words to translate.
    Text(String),
    /// Markdown that stays as it is, such as `](/12-15/)` or `## `.
    Code(String),
    /// Words between an opening and a closing code, such as `**` and `**`.
    Pair {
        kind: Kind,
        open: String,
        inner: Vec<Piece>,
        close: String,
    },
}

/// What a pair of codes does to its words, for a tool to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bold,
    Italic,
    Struck,
    Link,
    Image,
}

/// A piece's markdown as pieces.
pub fn pieces(markdown: &str) -> Vec<Piece> {
    let nodes = tree(markdown);
    let mut out = Vec::new();
    flatten(markdown, &nodes, 0..markdown.len(), &mut out);
    let out = merged(out);
    // Markdown the parser reports out of order stays one run of words, so
    // that it always comes back as it went.
    if self::markdown(&out) == markdown {
        out
    } else {
        vec![Piece::Text(markdown.to_string())]
    }
}

/// The markdown the pieces say.
pub fn markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) | Piece::Code(t) => out.push_str(t),
            Piece::Pair { open, inner, close, .. } => {
                out.push_str(open);
                out.push_str(&markdown(inner));
                out.push_str(close);
            }
        }
    }
    out
}

/// What the parser found, as a tree of ranges of the markdown.
struct Node {
    range: Range<usize>,
    what: What,
    children: Vec<Node>,
}

enum What {
    Words,
    Code,
    Pair(Kind),
    /// A paragraph, a heading, a list: its markup is codes, its words words.
    Block,
}

fn tree(markdown: &str) -> Vec<Node> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut stack = vec![Node {
        range: 0..markdown.len(),
        what: What::Block,
        children: Vec::new(),
    }];
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let leaf = |what| Node {
            range: range.clone(),
            what,
            children: Vec::new(),
        };
        match event {
            Event::Start(tag) => {
                let what = match tag {
                    Tag::Emphasis => What::Pair(Kind::Italic),
                    Tag::Strong => What::Pair(Kind::Bold),
                    Tag::Strikethrough => What::Pair(Kind::Struck),
                    // An address written as a link is not words to translate.
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => What::Code,
                    Tag::Link { .. } => What::Pair(Kind::Link),
                    Tag::Image { .. } => What::Pair(Kind::Image),
                    _ => What::Block,
                };
                stack.push(Node {
                    range,
                    what,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                if stack.len() > 1
                    && let Some(node) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(node);
                }
            }
            Event::Text(_) | Event::SoftBreak => {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(leaf(What::Words));
                }
            }
            _ => {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(leaf(What::Code));
                }
            }
        }
    }
    stack.truncate(1);
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// `nodes`, which lie in `within`, as pieces: what lies between them is
/// markup, so a code.
fn flatten(text: &str, nodes: &[Node], within: Range<usize>, out: &mut Vec<Piece>) {
    let mut at = within.start;
    for node in nodes {
        let range = node.range.clone();
        if range.start < at || range.end > within.end || range.start > range.end {
            // Out of order: `pieces` puts the whole back as words.
            return;
        }
        if range.start > at {
            out.push(Piece::Code(text[at..range.start].to_string()));
        }
        match (&node.what, node.children.first(), node.children.last()) {
            (What::Words, _, _) => out.push(Piece::Text(text[range.clone()].to_string())),
            (What::Pair(kind), Some(first), Some(last))
                if first.range.start >= range.start && last.range.end <= range.end =>
            {
                let mut inner = Vec::new();
                flatten(text, &node.children, first.range.start..last.range.end, &mut inner);
                out.push(Piece::Pair {
                    kind: *kind,
                    open: text[range.start..first.range.start].to_string(),
                    inner: merged(inner),
                    close: text[last.range.end..range.end].to_string(),
                });
            }
            (What::Block, _, _) => flatten(text, &node.children, range.clone(), out),
            _ => out.push(Piece::Code(text[range.clone()].to_string())),
        }
        at = range.end;
    }
    if within.end > at {
        out.push(Piece::Code(text[at..within.end].to_string()));
    }
}

/// Neighbouring words made one run of words, and neighbouring codes one code.
fn merged(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (Some(Piece::Text(a)), Piece::Text(b)) | (Some(Piece::Code(a)), Piece::Code(b)) => a.push_str(&b),
            (_, piece) => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }
    fn code(s: &str) -> Piece {
        Piece::Code(s.into())
    }

    #[test]
    fn links_and_emphasis_are_tags_around_words() {
        let md = "We will *always* [call you back](/contacts/) on <https://example.org>.";
        let got = pieces(md);
        assert_eq!(
            got,
            [
                text("We will "),
                Piece::Pair {
                    kind: Kind::Italic,
                    open: "*".into(),
                    inner: vec![text("always")],
                    close: "*".into()
                },
                text(" "),
                Piece::Pair {
                    kind: Kind::Link,
                    open: "[".into(),
                    inner: vec![text("call you back")],
                    close: "](/contacts/)".into()
                },
                text(" on "),
                code("<https://example.org>"),
                text("."),
            ]
        );
        assert_eq!(markdown(&got), md);
    }

    #[test]
    fn every_piece_comes_back_as_it_went() {
        for md in [
            "## A heading",
            "We will help,\n  always.",
            "**Bold *and italic* words** and ~~old~~ `code` <b>html</b>",
            "An escaped \\*star\\* &amp; an entity",
            "A [link **with bold**](/x/ \"title\") and ![a picture](/p.png)",
            "[](/empty/) and a line break  \nhere",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "> a quote\n> on two lines",
            "[broken link",
            "",
            "\u{b}control\u{1}",
        ] {
            assert_eq!(markdown(&pieces(md)), md, "{md:?}");
        }
        assert_eq!(pieces("## A heading"), [code("## "), text("A heading")]);
    }
}
