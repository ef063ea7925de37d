//! Text that reaches into the 5 mm the print shop keeps clear inside the
//! trim: a word too long for its line even when hyphenated, such as a web
//! address or a row of letters. It would be cut off or look cut off.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use crate::content::Site;
use crate::content::model::Origin;
use crate::diagnostics::{Diagnostic, Location};

/// Each run of text that comes closer than `safe` to a side of its page,
/// with the page's number.
pub fn outside(document: &PagedDocument, safe: Abs) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, page) in document.pages().iter().enumerate() {
        let width = page.frame.width();
        let mut runs = Vec::new();
        text_runs(&page.frame, Transform::identity(), &mut runs);
        for (left, right, text) in runs {
            // A hundredth of a millimetre is rounding, not ink.
            let slack = Abs::mm(0.01);
            if left < safe - slack || right > width - safe + slack {
                found.push((number + 1, text));
            }
        }
    }
    found
}

/// The left and right edges of every run of text in `frame`, on the page.
fn text_runs(frame: &Frame, ts: Transform, runs: &mut Vec<(Abs, Abs, String)>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => text_runs(&group.frame, here.pre_concat(group.transform), runs),
            FrameItem::Text(text) if !text.text.trim().is_empty() => {
                let start = Point::zero().transform(here).x;
                let end = Point::with_x(text.width()).transform(here).x;
                runs.push((start.min(end), start.max(end), text.text.to_string()));
            }
            _ => {}
        }
    }
}

/// A warning for a run of text on `page` of the leaflet `file` that reaches
/// the margin, at the line of the content it was written on.
pub fn warning(site: &Site, file: &str, page: usize, text: &str) -> Diagnostic {
    let shown: String = text.chars().take(40).collect();
    let d = Diagnostic::warning(
        "leaflet-margin",
        format!("on page {page} of {file}, \"{shown}\" is too long for its line and runs into the margin the print shop keeps clear"),
    )
    .help("break it up with spaces, or write a long web address as a link with short words, so the leaflet prints it in full");
    match locate(site, text) {
        Some(at) => d.at(at),
        None => d,
    }
}

/// Where `text` is written: in a promise page or an entry of the local
/// offer, in any language.
fn locate(site: &Site, text: &str) -> Option<Location> {
    let needle = text.trim();
    let mut sources: Vec<(&Origin, &str)> = Vec::new();
    let languages = std::iter::once((&site.promise_pages, &site.offer))
        .chain(site.translations.values().map(|t| (&t.promise_pages, &t.offer)));
    for (pages, offer) in languages {
        sources.extend(pages.iter().map(|p| (&p.origin, p.body.as_str())));
        sources.extend(offer.iter().map(|e| (&e.origin, e.body.as_str())));
    }
    sources.into_iter().find_map(|(origin, body)| {
        let parts = [(origin.front.as_str(), origin.front_line), (body, origin.body_line)];
        parts.into_iter().find_map(|(part, first)| {
            part.lines().enumerate().find_map(|(i, line)| {
                let column = line.find(needle)?;
                Some(Location {
                    file: origin.file.clone(),
                    line: first + i,
                    column: line[..column].chars().count() + 1,
                    len: needle.chars().count(),
                })
            })
        })
    })
}
