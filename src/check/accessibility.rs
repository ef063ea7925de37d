//! Accessibility of what the authors wrote: pictures described, headings in
//! order, link text that makes sense alone, tables with headers and phone
//! numbers a phone can call. The theme's own markup is tested in a browser.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::Doc;
use crate::content::DECORATIVE;
use crate::diagnostics::Diagnostic;

/// Link text that says nothing about where the link goes.
const VAGUE: &[&str] = &[
    "click here",
    "here",
    "click",
    "read more",
    "more",
    "find out more",
    "more information",
    "this link",
    "link",
    "this page",
    "this",
];

static PHONE: LazyLock<Regex> = LazyLock::new(|| super::pattern(crate::phone::LOOKS_LIKE));

/// How the accessibility statement names a kind of problem this module (or
/// the colour check) finds.
pub fn plain_words(code: &str) -> Option<&'static str> {
    Some(match code {
        "image-alt" => "A picture has no description for people who cannot see it.",
        "heading-skip" => "The headings skip a level, which makes the page harder to follow with a screen reader.",
        "link-text" => "A link's words do not say where it goes.",
        "table-headers" => "A table has no headings.",
        "phone-link" => "A phone number cannot be tapped to call it.",
        "contrast" => "Some colours do not contrast enough with their background.",
        _ => return None,
    })
}

pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut found = Vec::new();
    // The page title is the h1; the body's top headings sit under it.
    let shift = usize::from(doc.body.lines().any(|l| l.starts_with("# ")));
    let mut previous = 1usize;
    let mut image: Option<(String, std::ops::Range<usize>)> = None;
    let mut link: Option<(String, std::ops::Range<usize>)> = None;
    let mut head: Option<(bool, std::ops::Range<usize>)> = None;
    for (event, range) in Parser::new_ext(doc.body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize + shift;
                if level > previous + 1 {
                    found.push(
                        Diagnostic::warning(
                            "heading-skip",
                            format!("this heading jumps from level {previous} to level {level}"),
                        )
                        .at(doc.in_body(range.clone()))
                        .label(format!("use {} here", "#".repeat(previous + 1 - shift)))
                        .help("headings go down one level at a time, so people who listen to the page can follow it: ## under the title, ### under a ##"),
                    );
                }
                previous = level;
            }
            Event::Start(Tag::Image { .. }) => image = Some((String::new(), range)),
            Event::End(TagEnd::Image) => {
                if let Some((alt, range)) = image.take()
                    && alt.trim().is_empty()
                {
                    found.push(
                        Diagnostic::error("image-alt", "this picture has no description")
                            .at(doc.in_body(range))
                            .label("nothing between [ and ]")
                            .help(format!("write what the picture shows between the square brackets, such as ![Two friends laughing in a park](...), for people who cannot see it; if it is only decoration, write ![{DECORATIVE}](...)")),
                    );
                }
            }
            Event::Start(Tag::Link { .. }) => link = Some((String::new(), range)),
            Event::End(TagEnd::Link) => {
                if let Some((text, range)) = link.take() {
                    found.extend(link_text(doc, &text, range));
                }
            }
            Event::Start(Tag::TableHead) => head = Some((false, range)),
            Event::End(TagEnd::TableHead) => {
                if let Some((false, range)) = head.take() {
                    found.push(
                        Diagnostic::warning("table-headers", "this table has no headings")
                            .at(doc.in_body(range))
                            .help("write a heading for each column in the table's first row, so a screen reader can say what each cell is"),
                    );
                }
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if let Some((alt, _)) = &mut image {
                    alt.push_str(text);
                } else if let Some((words, _)) = &mut link {
                    words.push_str(text);
                } else {
                    if let Some((has_words, _)) = &mut head {
                        *has_words |= !text.trim().is_empty();
                    }
                    if matches!(event, Event::Text(_)) {
                        found.extend(phones(doc, text, range));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Every rendered page has its title as its one h1; a changed template that
/// drops it, or adds another, leaves readers of headings lost. What is
/// inside a `<template>` is not on the page until a script shows it in
/// place of the page's own.
pub fn one_title(file: &str, html: &[u8]) -> Option<Diagnostic> {
    let html = String::from_utf8_lossy(html);
    let mut shown = String::new();
    let mut rest = html.as_ref();
    while let Some(start) = rest.find("<template") {
        shown.push_str(&rest[..start]);
        rest = rest[start..].split_once("</template>").map_or("", |(_, after)| after);
    }
    shown.push_str(rest);
    let count = shown
        .match_indices("<h1")
        .filter(|(i, m)| matches!(shown.as_bytes().get(i + m.len()), Some(b'>' | b' ')))
        .count();
    (count != 1).then(|| {
        Diagnostic::error(
            "one-h1",
            format!("the page {file} has {count} main headings (h1) instead of one"),
        )
        .in_file("theme/templates")
        .help("every page needs its title as its only <h1>; check the templates you changed in theme/templates/")
    })
}

fn link_text(doc: &Doc, text: &str, range: std::ops::Range<usize>) -> Option<Diagnostic> {
    let words = text.trim().trim_end_matches(['.', '!', ':']).to_lowercase();
    let bare = words.starts_with("http://") || words.starts_with("https://") || words.starts_with("www.");
    if !bare && !VAGUE.contains(&words.as_str()) {
        return None;
    }
    let message = if bare {
        "this link's words are a web address".to_string()
    } else {
        format!("the link \"{}\" does not say where it goes", text.trim())
    };
    Some(
        Diagnostic::warning("link-text", message)
            .at(doc.in_body(range))
            .help("make the words of the link say where it goes, such as [how to complain](/how-to-complain/): people who use screen readers often hear the links on their own"),
    )
}

/// Phone numbers written as plain text: on a phone they cannot be tapped.
fn phones(doc: &Doc, text: &str, range: std::ops::Range<usize>) -> Vec<Diagnostic> {
    let exact = doc.body.get(range.clone()) == Some(text);
    PHONE
        .find_iter(text)
        // "£999" is a price, not a number to call.
        .filter(|m| !text[..m.start()].ends_with(['£', '$', '€']))
        .map(|m| {
            let number = m.as_str();
            let span = if exact {
                range.start + m.start()..range.start + m.end()
            } else {
                range.clone()
            };
            match crate::phone::parse(number) {
                Ok(phone) => {
                    let fix = format!("[{number}]({})", phone.tel);
                    Diagnostic::warning("phone-link", "this phone number cannot be tapped to call it")
                        .at(doc.in_body(span))
                        .label(format!("write {fix}"))
                        .help("write phone numbers as links, so a young person can tap to call from their phone")
                        .suggest(fix)
                }
                Err(problem) => {
                    let (message, help) = problem.explain(number);
                    Diagnostic::warning("phone-link", message)
                        .at(doc.in_body(span))
                        .help(help)
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(body: &str) -> Vec<(String, usize, usize)> {
        crate::check::findings(check, body)
    }

    #[test]
    fn pictures_need_a_description_or_the_decorative_mark() {
        assert_eq!(codes("Hi\n\n![](/images/a.png)\n"), vec![("image-alt".into(), 3, 1)]);
        assert!(codes("![decorative](/images/a.png) ![A park](/images/b.png)").is_empty());
    }

    #[test]
    fn headings_go_down_one_level_at_a_time() {
        assert_eq!(codes("## A\n\n#### B\n"), vec![("heading-skip".into(), 3, 1)]);
        assert!(codes("# A\n\n## B\n\n# C\n").is_empty());
        assert!(codes("## A\n\n### B\n\n## C\n").is_empty());
    }

    #[test]
    fn links_say_where_they_go() {
        assert_eq!(codes("Read it [here](/a/)."), vec![("link-text".into(), 1, 9)]);
        assert_eq!(codes("<https://x.example/>"), vec![("link-text".into(), 1, 1)]);
        assert!(codes("Read [how to complain](/how-to-complain/).").is_empty());
    }

    #[test]
    fn tables_need_headings_and_phones_need_links() {
        assert_eq!(codes("| | |\n|-|-|\n| a | b |\n"), vec![("table-headers".into(), 1, 1)]);
        assert_eq!(codes("Call 0113 496 0101 today."), vec![("phone-link".into(), 1, 6)]);
        assert!(codes("Call [0113 496 0101](tel:01134960101).").is_empty());
        assert!(codes("It costs £25 a month and 2025 was good.").is_empty());
        assert_eq!(codes("In danger, call 999."), vec![("phone-link".into(), 1, 17)]);
        assert!(codes("A laptop worth £999, and 1999 was long ago.").is_empty());
    }
}
