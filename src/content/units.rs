//! A content file as the pieces a translator translates one at a time: its
//! title, its summary and the other words of its front matter, and each
//! block of its body (a paragraph, a heading, each item of a list, such as
//! each promise). Each piece keeps its markdown, so links and emphasis go
//! to the translator and come back.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use sha2::{Digest, Sha256};

use super::{Message, OfferEntry, Page, PromisePage};

/// One piece to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Where it is in its file: `title`, `summary`, `we_did.2`, `body.3`
    /// (the third block of the body), `body.2.4` (the fourth item of the
    /// list that is the body's second block).
    pub id: String,
    pub text: String,
    /// Where its words are in the body, for a piece of the body: what a
    /// translation made from the original replaces.
    pub span: Option<Range<usize>>,
}

impl Unit {
    /// A short name for its words, the same whatever spaces or line breaks
    /// they are written with: what a translation records of its original.
    pub fn hash(&self) -> String {
        hash(&self.text)
    }

    /// How a reader of `check` knows it: "the title", "promise 3".
    pub fn name(&self, promises: bool) -> String {
        let parts: Vec<&str> = self.id.split('.').collect();
        match parts.as_slice() {
            ["body", _, item] if promises => format!("promise {item}"),
            ["body", block, item] => format!("item {item} of the list in block {block} of the text"),
            ["body", block] => format!("block {block} of the text"),
            [field, n] => format!("line {n} of \"{field}\""),
            _ => format!("the {}", self.id.replace('_', " ")),
        }
    }
}

/// A short name for `words`, the same whatever spaces or line breaks they
/// are written with.
pub fn hash(words: &str) -> String {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    Sha256::digest(words.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The pieces of each kind of file.
pub trait Units {
    fn units(&self) -> Vec<Unit>;
}

impl Units for PromisePage {
    fn units(&self) -> Vec<Unit> {
        fields(&[("title", &self.title), ("summary", &self.summary)], &[], &self.body)
    }
}

impl Units for OfferEntry {
    fn units(&self) -> Vec<Unit> {
        let words = [
            ("title", self.title.as_str()),
            ("summary", &self.summary),
            ("how_to_get_it", &self.how_to_get_it),
        ];
        fields(&words, &[], &self.body)
    }
}

impl Units for super::Event {
    fn units(&self) -> Vec<Unit> {
        let words = [
            ("title", self.title.as_str()),
            ("summary", &self.summary),
            ("place", &self.place),
            ("cost", &self.cost),
            ("getting_there", &self.getting_there),
        ];
        fields(&words, &[("access", self.access.as_slice())], &self.body)
    }
}

impl Units for Message {
    fn units(&self) -> Vec<Unit> {
        let lists = [("we_did", self.we_did.as_slice()), ("next", &self.next)];
        fields(&[("title", &self.title)], &lists, &self.body)
    }
}

impl Units for Page {
    fn units(&self) -> Vec<Unit> {
        fields(&[("title", &self.title), ("summary", &self.summary)], &[], &self.body)
    }
}

/// The front matter's words, its lists of words item by item, then the body.
fn fields(words: &[(&str, &str)], lists: &[(&str, &[String])], body: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = words
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(id, text)| Unit {
            id: id.to_string(),
            text: text.trim().to_string(),
            span: None,
        })
        .collect();
    for (field, items) in lists {
        units.extend(items.iter().enumerate().map(|(i, text)| Unit {
            id: format!("{field}.{}", i + 1),
            text: text.trim().to_string(),
            span: None,
        }));
    }
    units.extend(blocks(body));
    units
}

/// The body's blocks, each as its markdown; a list item by item, without
/// its marker.
pub fn blocks(body: &str) -> Vec<Unit> {
    let piece = |id: String, span: Range<usize>| Unit {
        id,
        text: body[span.clone()].to_string(),
        span: Some(span),
    };
    let mut units = Vec::new();
    let mut depth = 0usize;
    let mut block = 0usize;
    let mut item = 0usize;
    let mut list = false;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) if depth == 0 => {
                block += 1;
                item = 0;
                list = true;
                depth += 1;
            }
            Event::Start(Tag::Item) if depth == 1 && list => {
                item += 1;
                let words = without_marker(body, range);
                if !words.is_empty() {
                    units.push(piece(format!("body.{block}.{item}"), words));
                }
                depth += 1;
            }
            Event::Start(_) => {
                if depth == 0 {
                    block += 1;
                    list = false;
                    let words = trimmed(body, range);
                    if !words.is_empty() {
                        units.push(piece(format!("body.{block}"), words));
                    }
                }
                depth += 1;
            }
            Event::End(TagEnd::List(_)) if depth == 1 => {
                list = false;
                depth -= 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            // A block that is not a container: a rule, or HTML on its own.
            Event::Rule | Event::Html(_) if depth == 0 => {
                block += 1;
                list = false;
            }
            _ => {}
        }
    }
    units
}

/// `range` of `text` without the spaces at its ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let words = &text[range.clone()];
    let start = range.start + (words.len() - words.trim_start().len());
    start..start + words.trim().len()
}

/// A list item's words, without its `- `, `* ` or `1. `.
fn without_marker(body: &str, item: Range<usize>) -> Range<usize> {
    let item = trimmed(body, item);
    let text = &body[item.clone()];
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    let marker = if text.starts_with(['-', '*', '+']) {
        1
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        0
    };
    trimmed(body, item.start + marker..item.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_its_blocks_and_a_list_its_items() {
        let body = "Some words with a [link](/x/).\n\n## A heading\n\n- We will *listen*.\n- We will help,\n  always.\n\n1. First\n2. Second\n";
        let units = blocks(body);
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            ids,
            ["body.1", "body.2", "body.3.1", "body.3.2", "body.4.1", "body.4.2"]
        );
        assert_eq!(units[0].text, "Some words with a [link](/x/).");
        assert_eq!(units[1].text, "## A heading");
        assert_eq!(units[2].text, "We will *listen*.");
        assert_eq!(units[3].text, "We will help,\n  always.");
        assert_eq!(units[5].text, "Second");
        // Spaces and line breaks do not change what a piece is.
        let wrapped = Unit {
            id: "x".into(),
            text: "We will help, always.".into(),
            span: None,
        };
        assert_eq!(units[3].hash(), wrapped.hash());
        assert_ne!(units[2].hash(), wrapped.hash());
        assert_eq!(units[2].name(true), "promise 1");
        for unit in &units {
            assert_eq!(unit.span.clone().map(|s| &body[s]), Some(unit.text.as_str()));
        }
    }
}
