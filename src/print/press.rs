//! The print shop's file, made from the same typesetting as the reader's:
//! no links or other annotations (a PDF/X preflight rejects them inside
//! the bleed), no tags (they are for screen readers), each page's bleed
//! box set, the pages of a thick booklet's inner sheets moved towards the
//! staples (see `creep`), and, if the shop asks, crop and bleed marks
//! outside the bleed on a larger sheet.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId};

use super::creep;

/// Points in a millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;
/// How far the marks are from the trim, and how long they are, in mm.
const MARK_GAP_MM: f32 = 2.0;
const MARK_MM: f32 = 6.0;

/// What the print shop's file is made with.
pub struct Press {
    pub bleed_mm: f32,
    pub crop_marks: bool,
    /// Bound on the right: a right-to-left leaflet.
    pub right_bound: bool,
}

/// Makes `doc`, the leaflet as typeset, the print shop's file.
pub fn prepare(doc: &mut Document, press: &Press) -> Result<(), lopdf::Error> {
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    let count = pages.len();
    for (number, id) in pages {
        let number = number as usize;
        let shift = creep::shift_mm(number, count) as f32 * PT_PER_MM;
        let towards = if creep::staples_on_left(number, press.right_bound) {
            -shift
        } else {
            shift
        };
        let page = doc.get_dictionary_mut(id)?;
        page.remove(b"Annots");
        page.remove(b"StructParents");
        let media = rect(page.get(b"MediaBox")?)?;
        page.set("BleedBox", boxed(media));
        if press.crop_marks {
            let extra = (press.bleed_mm.max(3.0) - press.bleed_mm + MARK_GAP_MM + MARK_MM + 2.0) * PT_PER_MM;
            page.set(
                "MediaBox",
                boxed([media[0] - extra, media[1] - extra, media[2] + extra, media[3] + extra]),
            );
        }
        let mut content = Content::decode(&doc.get_page_content(id))?;
        if towards != 0.0 {
            let mut moved = vec![
                Operation::new("q", vec![]),
                Operation::new(
                    "cm",
                    vec![1.into(), 0.into(), 0.into(), 1.into(), towards.into(), 0.into()],
                ),
            ];
            moved.append(&mut content.operations);
            moved.push(Operation::new("Q", vec![]));
            content.operations = moved;
        }
        if press.crop_marks {
            content.operations.extend(marks(media, press.bleed_mm * PT_PER_MM));
        }
        doc.change_page_content(id, content.encode()?)?;
    }
    let catalog = doc.catalog_mut()?;
    catalog.remove(b"StructTreeRoot");
    catalog.remove(b"MarkInfo");
    doc.prune_objects();
    Ok(())
}

/// Crop marks in line with the trim and bleed marks in line with the
/// bleed, at each corner, outside the bleed box `media`: thin lines in
/// 100% black.
fn marks(media: [f32; 4], bleed: f32) -> Vec<Operation> {
    let [x0, y0, x1, y1] = media;
    let trim = [x0 + bleed, y0 + bleed, x1 - bleed, y1 - bleed];
    let gap = MARK_GAP_MM * PT_PER_MM;
    let long = MARK_MM * PT_PER_MM;
    let mut ops = vec![
        Operation::new("q", vec![]),
        Operation::new("k", vec![0.into(), 0.into(), 0.into(), 0.into()]),
        Operation::new("K", vec![0.into(), 0.into(), 0.into(), 1.into()]),
        Operation::new("w", vec![0.25.into()]),
    ];
    let mut line = |a: (f32, f32), b: (f32, f32)| {
        ops.push(Operation::new("m", vec![a.0.into(), a.1.into()]));
        ops.push(Operation::new("l", vec![b.0.into(), b.1.into()]));
        ops.push(Operation::new("S", vec![]));
    };
    // For each corner: which way is out, and the trim and bleed lines there.
    for (x_out, y_out) in [(-1.0f32, -1.0f32), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
        let (tx, bx) = if x_out < 0.0 { (trim[0], x0) } else { (trim[2], x1) };
        let (ty, by) = if y_out < 0.0 { (trim[1], y0) } else { (trim[3], y1) };
        for (x, long_mark) in [(tx, true), (bx, false)] {
            let length = if long_mark { long } else { long / 2.0 };
            let start = by + y_out * gap;
            line((x, start), (x, start + y_out * length));
        }
        for (y, long_mark) in [(ty, true), (by, false)] {
            let length = if long_mark { long } else { long / 2.0 };
            let start = bx + x_out * gap;
            line((start, y), (start + x_out * length, y));
        }
    }
    ops.push(Operation::new("Q", vec![]));
    ops
}

fn rect(object: &Object) -> Result<[f32; 4], lopdf::Error> {
    let values: Vec<f32> = object.as_array()?.iter().filter_map(|n| n.as_float().ok()).collect();
    match values.as_slice() {
        [a, b, c, d] => Ok([*a, *b, *c, *d]),
        _ => Err(lopdf::Error::ObjectType {
            expected: "rectangle",
            found: "array",
        }),
    }
}

fn boxed(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Real(*v)).collect())
}
