//! Text that reaches into the 5 mm the print shop keeps clear inside the
//! trim: a word too long for its line even when hyphenated, such as a web
//! address or a row of letters, which would be cut off or look cut off; or
//! the template's own words (a page number) set too near an edge. A text's
//! box is measured as a preflight measures it: from its font's ascender to
//! its descender, not only where its letters have ink.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use crate::content::Site;
use crate::content::model::Origin;
use crate::diagnostics::{Diagnostic, Location};

/// Each run of text whose box comes closer than `safe` to a side of its
/// page, with the page's number.
pub fn outside(document: &PagedDocument, safe: Abs) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, page) in document.pages().iter().enumerate() {
        let (width, height) = (page.frame.width(), page.frame.height());
        let mut runs = Vec::new();
        text_runs(&page.frame, Transform::identity(), &mut runs);
        // A hundredth of a millimetre is rounding, not ink.
        let slack = Abs::mm(0.01);
        for (min, max, text) in runs {
            if min.x < safe - slack
                || max.x > width - safe + slack
                || min.y < safe - slack
                || max.y > height - safe + slack
            {
                found.push((number + 1, text));
            }
        }
    }
    found
}

/// The box of every run of text in `frame`, on the page: its top left and
/// bottom right corners.
fn text_runs(frame: &Frame, ts: Transform, runs: &mut Vec<(Point, Point, String)>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => text_runs(&group.frame, here.pre_concat(group.transform), runs),
            FrameItem::Text(text) if !text.text.trim().is_empty() => {
                let metrics = text.font.metrics();
                let top = -metrics.ascender.at(text.size);
                let bottom = -metrics.descender.at(text.size);
                let a = Point::with_y(top).transform(here);
                let b = Point::new(text.width(), bottom).transform(here);
                let min = Point::new(a.x.min(b.x), a.y.min(b.y));
                let max = Point::new(a.x.max(b.x), a.y.max(b.y));
                runs.push((min, max, text.text.to_string()));
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
