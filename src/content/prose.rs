//! The words a reader sees in a markdown body, block by block, each
//! remembering where in the body it came from, so a check can point at the
//! exact sentence or word. Code is left out: it is not prose.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What kind of block some words are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A list item's own words, without its sub-items.
    Item,
    Heading,
    TableCell,
}

/// The words of one block, joined into one text.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Pieces of `text` and where each starts in the body.
    pieces: Vec<(usize, usize)>,
    /// Pieces whose text is exactly as typed, so positions inside them map
    /// one to one; others (escapes, curly quotes) map to their start.
    exact: Vec<bool>,
}

impl Block {
    fn new(kind: BlockKind) -> Self {
        Block {
            kind,
            text: String::new(),
            pieces: Vec::new(),
            exact: Vec::new(),
        }
    }

    fn push(&mut self, text: &str, body: &str, range: Range<usize>) {
        self.pieces.push((self.text.len(), range.start));
        self.exact.push(body.get(range) == Some(text));
        self.text.push_str(text);
    }

    /// Where a byte position of `text` is in the body.
    pub fn body_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|(start, _)| *start <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(start, body)) if self.exact[i] => body + (at - start),
            Some(&(_, body)) => body,
            None => 0,
        }
    }

    /// Where a range of `text` is in the body.
    pub fn body_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.body_offset(range.start);
        start..self.body_offset(range.end.saturating_sub(1)).max(start) + 1
    }
}

/// The blocks of a markdown body, in order.
pub fn blocks(body: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut done = Vec::new();
    // Open blocks: a list item's words stop where its sub-list or next
    // paragraph starts, so each is a block of its own.
    let mut open: Vec<Block> = Vec::new();
    let mut in_image = 0usize;
    let close = |open: &mut Vec<Block>, done: &mut Vec<Block>| {
        if let Some(block) = open.pop()
            && !block.text.trim().is_empty()
        {
            done.push(block);
        }
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => {
                let inside_item = open
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::Item && b.text.is_empty());
                if !inside_item {
                    open.push(Block::new(BlockKind::Paragraph));
                }
            }
            Event::Start(Tag::Item) => open.push(Block::new(BlockKind::Item)),
            Event::Start(Tag::Heading { .. }) => open.push(Block::new(BlockKind::Heading)),
            Event::Start(Tag::TableCell) => open.push(Block::new(BlockKind::TableCell)),
            Event::Start(Tag::List(_)) => {
                // A sub-list ends its item's own words.
                if let Some(item) = open.last_mut()
                    && item.kind == BlockKind::Item
                {
                    let words = std::mem::replace(item, Block::new(BlockKind::Paragraph));
                    if !words.text.trim().is_empty() {
                        done.push(words);
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if open.last().is_some_and(|b| b.kind == BlockKind::Paragraph) {
                    close(&mut open, &mut done);
                } else if let Some(item) = open.last_mut() {
                    // An item's first paragraph: later ones are blocks of their own.
                    let words = std::mem::replace(item, Block::new(BlockKind::Paragraph));
                    if !words.text.trim().is_empty() {
                        done.push(words);
                    }
                }
            }
            Event::End(TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell) => close(&mut open, &mut done),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(text) if in_image == 0 => {
                if let Some(block) = open.last_mut() {
                    block.push(&text, body, range);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Code(_) => {
                if let Some(block) = open.last_mut() {
                    block.push(" ", body, range);
                }
            }
            _ => {}
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut done);
    }
    done.sort_by_key(|b| b.pieces.first().map_or(0, |p| p.1));
    done
}

/// The front matter fields whose values are sentences for readers.
const SENTENCE_FIELDS: &[&str] = &["summary", "how_to_get_it", "we_did", "next"];

/// A value in the front matter, and the column its text starts at.
pub struct Value<'a> {
    pub text: &'a str,
    pub column: usize,
}

/// The reader-facing values in front matter, by line (counting from 0):
/// with `titles` the titles too, else only the sentences (summaries, how to
/// get it, what was done and what is next). Written as `key: value` (YAML)
/// or `key = "value"` (TOML), with lists of `- item` lines or `[...]` under
/// a key.
pub fn front_matter_text(front: &str, titles: bool) -> Vec<(usize, Value<'_>)> {
    let mut out = Vec::new();
    let mut key_is_text = false;
    for (i, line) in front.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        let indented = trimmed.len() != line.len();
        let value_start = if !indented && !trimmed.starts_with('-') {
            let Some(end) = line.find([':', '=']) else { continue };
            let key = line[..end].trim();
            key_is_text = SENTENCE_FIELDS.contains(&key) || (titles && key == "title");
            end + 1
        } else {
            line.len() - trimmed.len()
        };
        let text = &line[value_start..];
        if key_is_text && !text.trim().is_empty() {
            out.push((
                i,
                Value {
                    text,
                    column: line[..value_start].chars().count() + 1,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(BlockKind, String)> {
        blocks(body).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn items_paragraphs_and_headings_are_blocks() {
        let body = "## Safe\n\nWe will `help` you.\n\n- One thing\n  - a smaller thing\n- Two\n";
        assert_eq!(
            texts(body),
            vec![
                (BlockKind::Heading, "Safe".to_string()),
                (BlockKind::Paragraph, "We will   you.".to_string()),
                (BlockKind::Item, "One thing".to_string()),
                (BlockKind::Item, "a smaller thing".to_string()),
                (BlockKind::Item, "Two".to_string()),
            ]
        );
    }

    #[test]
    fn positions_map_back_to_the_body() {
        let body = "Intro.\n\n- We will find you a *safe* home.\n";
        let blocks = blocks(body);
        let item = &blocks[1];
        let at = item.text.find("home").unwrap();
        assert_eq!(&body[item.body_range(at..at + 4)], "home");
    }
}
