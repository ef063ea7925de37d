//! Links and pictures that lead nowhere: every link an author wrote to a page
//! of the site must find the page (and the promise or heading after `#`),
//! and every picture must be in the site.

use std::collections::BTreeMap;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, Options, Parser, Tag};

use super::Doc;
use crate::diagnostics::{Diagnostic, display_path, nearest};
use crate::layout::Outputs;
use crate::render::urls::{language_prefix, resolve};

/// What a page's links and pictures lead to.
pub struct Found {
    /// Links and pictures that lead nowhere.
    pub problems: Vec<Diagnostic>,
    /// The refused pictures the page shows (by address), each with why it
    /// was refused, said where the page shows it.
    pub refused: Vec<(String, Diagnostic)>,
}

/// `refused` are the pictures of the content folder that could not be
/// published, by address, and why.
pub fn check(doc: &Doc, outputs: &Outputs, refused: &BTreeMap<String, Diagnostic>) -> Found {
    let mut found = Vec::new();
    let mut shown = Vec::new();
    for (event, range) in Parser::new_ext(doc.body, Options::ENABLE_TABLES).into_offset_iter() {
        let (dest, picture) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        let Some((file, fragment)) = resolve(&doc.target, &dest) else {
            continue;
        };
        // A translation's links lead to the pages in its language, which
        // have the same addresses under /<code>/.
        let file = doc
            .origin
            .language
            .as_deref()
            .map(|code| format!("{}{file}", language_prefix(Some(code))))
            .filter(|translated| outputs.contains_key(translated))
            .unwrap_or(file);
        let at = doc.in_body(range);
        match outputs.get(&file) {
            None if picture && let Some(why) = refused.get(&file) => {
                let label = format!(
                    "{} in the content folder",
                    why.file.as_deref().map(display_path).unwrap_or_default()
                );
                shown.push((file, why.clone().at(at).label(label)));
            }
            None if picture => found.push(
                Diagnostic::error("missing-image", format!("there is no picture at {dest}"))
                    .at(at)
                    .help(format!(
                        "put the picture in the content folder's images/ folder and write its address as /images/<its file name>{}",
                        near(&file, outputs, false)
                    )),
            ),
            None => found.push(
                Diagnostic::error("broken-link", format!("there is no page at {dest}"))
                    .at(at)
                    .help(format!(
                        "write the address of a page of this site, starting with /, such as /local-offer/{}",
                        near(&file, outputs, true)
                    )),
            ),
            Some(html) => {
                let anchor = fragment.map(|f| percent_decode_str(&f).decode_utf8_lossy().into_owned());
                if let Some(anchor) = anchor.filter(|f| !f.is_empty())
                    && file.ends_with(".html")
                    && !has_id(html, &anchor)
                {
                    let html = String::from_utf8_lossy(html);
                    let near = nearest(&anchor, ids(&html))
                        .map(|id| format!("; did you mean #{id}?"))
                        .unwrap_or_default();
                    found.push(
                        Diagnostic::error(
                            "broken-link",
                            format!("the page {} has nothing called #{anchor}", address(&file)),
                        )
                        .at(at)
                        .help(format!("after # write the name of a promise on that page (its first words, joined with dashes), or take the # part out to link to the whole page{near}")),
                    );
                }
            }
        }
    }
    Found {
        problems: found,
        refused: shown,
    }
}

/// The address a reader sees for a file: `local-offer/index.html` is /local-offer/.
fn address(file: &str) -> String {
    format!("/{}", file.strip_suffix("index.html").unwrap_or(file))
}

/// "; did you mean …?" when a file of the site is close to `file`.
fn near(file: &str, outputs: &Outputs, pages: bool) -> String {
    let known: Vec<&str> = outputs
        .keys()
        .map(String::as_str)
        .filter(|k| k.ends_with(".html") == pages)
        .collect();
    nearest(file, known)
        .map(|k| format!("; did you mean {}?", address(k)))
        .unwrap_or_default()
}

/// The ids of a page's elements, for "did you mean" help.
fn ids(html: &str) -> impl Iterator<Item = &str> {
    html.split(" id=").skip(1).filter_map(|rest| {
        let rest = rest.strip_prefix('"').unwrap_or(rest);
        rest.split(['"', ' ', '>']).next()
    })
}

/// Whether an element of a (minified) page has this id, quoted or not.
fn has_id(html: &[u8], id: &str) -> bool {
    let html = String::from_utf8_lossy(html);
    [format!("id=\"{id}\""), format!("id='{id}'")]
        .iter()
        .any(|quoted| html.contains(quoted.as_str()))
        || html
            .match_indices(&format!("id={id}"))
            .any(|(i, m)| matches!(html.as_bytes().get(i + m.len()), Some(b' ' | b'>' | b'/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_with_or_without_quotes() {
        assert!(has_id(b"<li id=we-will>", "we-will"));
        assert!(has_id(b"<li id=\"we-will\">", "we-will"));
        assert!(!has_id(b"<li id=we-will-not>", "we-will"));
        let html = "<h2 id=\"top\">x</h2><li id=we-will-find>";
        assert_eq!(ids(html).collect::<Vec<_>>(), ["top", "we-will-find"]);
    }
}
