//! The promises in a promise page: each item of its top-level lists is one
//! promise, with an anchor so a link (or a leaflet) can point at it.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::Promise;

/// The promises of a markdown body, in order. `body_line` is the line of the
/// file the body starts on, so each promise knows its own line.
pub fn promises(body: &str, body_line: usize) -> Vec<Promise> {
    let mut found = Vec::new();
    let lines = crate::diagnostics::LineIndex::new(body);
    let mut lists = 0usize;
    // Its words, its line and where its links go.
    let mut current: Option<(String, usize, Vec<String>)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) => lists += 1,
            Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
            Event::Start(Tag::Item) if lists == 1 => {
                let line = body_line + lines.line(range.start) - 1;
                current = Some((String::new(), line, Vec::new()));
            }
            Event::End(TagEnd::Item) if lists == 1 => {
                if let Some((text, line, links)) = current.take() {
                    found.push((text.split_whitespace().collect::<Vec<_>>().join(" "), line, links));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some((_, _, links)) = &mut current {
                    links.push(dest_url.to_string());
                }
            }
            // HTML is shown as typed on the page, so it is part of the words;
            // comments are notes for authors.
            Event::Html(t) | Event::InlineHtml(t) if t.trim_start().starts_with("<!--") => {}
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some((text, _, _)) = &mut current {
                    text.push_str(&t);
                }
            }
            // Words either side of a break, paragraph or sub-item stay apart.
            Event::SoftBreak | Event::HardBreak | Event::Start(Tag::Item) | Event::End(TagEnd::Paragraph) => {
                if let Some((text, _, _)) = &mut current {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    let mut anchors = Anchors::default();
    found
        .into_iter()
        .map(|(text, line, links)| {
            let anchor = anchors.unique(anchor_for(&text));
            Promise {
                anchor,
                text,
                line,
                links,
            }
        })
        .collect()
}

/// An anchor made of the promise's first words, so it stays the same when
/// promises are added, removed or reordered around it.
fn anchor_for(text: &str) -> String {
    // Letters of every alphabet are kept ("Zoë", "Łucja"), so an author
    // can write the anchor of any promise from its words.
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.is_empty() {
        "promise".to_string()
    } else {
        words.join("-")
    }
}

/// The anchors of a page's promises so far.
#[derive(Default)]
struct Anchors {
    taken: std::collections::HashSet<String>,
    /// For each anchor taken, the number to try next after it, so a page of
    /// thousands of promises that start alike finds each one's in one step.
    next: std::collections::HashMap<String, usize>,
}

impl Anchors {
    /// `anchor`, or if a promise before has it, `anchor-2`, `anchor-3` ...
    fn unique(&mut self, anchor: String) -> String {
        let mut chosen = anchor.clone();
        if self.taken.contains(&anchor) {
            let mut n = self.next.get(&anchor).copied().unwrap_or(2);
            while self.taken.contains(&format!("{anchor}-{n}")) {
                n += 1;
            }
            chosen = format!("{anchor}-{n}");
            self.next.insert(anchor, n + 1);
        }
        self.taken.insert(chosen.clone());
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_promises_get_the_next_free_number() {
        let mut anchors = Anchors::default();
        let got: Vec<String> = ["a-b", "a-b-2", "a-b", "a-b"]
            .map(|a| anchors.unique(a.to_string()))
            .into();
        assert_eq!(got, ["a-b", "a-b-2", "a-b-3", "a-b-4"]);
        let many: std::collections::HashSet<String> = (0..5000).map(|_| anchors.unique("same".into())).collect();
        assert_eq!(many.len(), 5000);
    }

    #[test]
    fn each_top_level_item_is_a_promise_with_its_line() {
        let body = "We promise:\n\n- We will **listen** to you.\n- We will tell you\n  what happens next.\n  - not this one\n- We will listen to you.\n";
        let p = promises(body, 5);
        let texts: Vec<_> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "We will listen to you.",
                "We will tell you what happens next. not this one",
                "We will listen to you."
            ]
        );
        assert_eq!(p[0].anchor, "we-will-listen-to-you");
        assert_eq!(p[2].anchor, "we-will-listen-to-you-2");
        assert_eq!(p[1].anchor, "we-will-tell-you-what-happens");
        assert_eq!((p[0].line, p[1].line, p[2].line), (7, 8, 11));
    }

    #[test]
    fn anchors_keep_the_letters_of_every_alphabet() {
        let p = promises("- You can talk to Zoë or Łucja any time.\n- سوف نستمع إليك\n", 1);
        assert_eq!(p[0].anchor, "you-can-talk-to-zoë-or");
        assert_eq!(p[1].anchor, "سوف-نستمع-إليك");
    }
}
