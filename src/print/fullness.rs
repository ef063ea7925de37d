//! How full a leaflet's pages are: a page of content that ends before half
//! way down looks like a mistake in print, so the layout that leaves none
//! is chosen (see `typeset`).

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// The pages between the cover and the back page whose content ends less
/// than half way down the space for it, by number (from 1). `top` and
/// `bottom` are the margins: the page number, below the bottom margin, is
/// not content.
pub fn weak_pages(document: &PagedDocument, top: Abs, bottom: Abs) -> Vec<usize> {
    let pages = document.pages();
    let last = pages.len().saturating_sub(1);
    pages
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && *i < last)
        .filter(|(_, page)| {
            let height = page.frame.height();
            let limit = height - bottom;
            let end = lowest(&page.frame, Transform::identity(), limit).unwrap_or(top);
            (end - top) < (limit - top) * 0.5
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The lowest edge of anything drawn in `frame` above `limit`.
fn lowest(frame: &Frame, ts: Transform, limit: Abs) -> Option<Abs> {
    let mut found: Option<Abs> = None;
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        let bottom = match item {
            FrameItem::Group(group) => lowest(&group.frame, here.pre_concat(group.transform), limit),
            FrameItem::Text(text) => Some(
                Point::with_y(-text.font.metrics().descender.at(text.size))
                    .transform(here)
                    .y,
            ),
            FrameItem::Shape(shape, _) => Some(Point::with_y(shape.bbox(false).max.y).transform(here).y),
            FrameItem::Image(_, size, _) => Some(Point::with_y(size.y).transform(here).y),
            _ => None,
        };
        if let Some(bottom) = bottom.filter(|b| *b <= limit) {
            found = Some(found.map_or(bottom, |f| f.max(bottom)));
        }
    }
    found
}
