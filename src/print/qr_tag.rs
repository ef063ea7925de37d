//! Puts each QR code's squares inside its Figure tag. Typst marks shapes as
//! decoration (artifacts), so the Figure that carries the code's alt text
//! would otherwise tag nothing, and a checker sees an empty figure.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// Fewer squares than this in a row is a drawing, not a code.
const SQUARES: usize = 20;

/// Tags the QR codes of `doc`: the n-th code drawn, in page order, belongs
/// to the n-th Figure that tags nothing, in reading order. Leaves the file
/// as it was when the two do not match.
pub fn tag_codes(doc: &mut Document) -> Result<(), lopdf::Error> {
    let figures = empty_figures(doc);
    let mut found = Vec::new();
    for page in doc.get_pages().into_values() {
        let content = Content::decode(&doc.get_page_content(page))?;
        let runs = square_runs(&content.operations);
        if !runs.is_empty() {
            found.push((page, content.operations, runs));
        }
    }
    if figures.is_empty() || found.iter().map(|(_, _, runs)| runs.len()).sum::<usize>() != figures.len() {
        return Ok(());
    }
    let mut figures = figures.into_iter();
    for (page, mut operations, runs) in found {
        let first = i64::try_from(parent_array(doc, page)?.len()).unwrap_or(i64::MAX);
        // From the last code back, so the places of the earlier ones hold.
        for (n, run) in runs.iter().enumerate().rev() {
            operations = as_figure(operations, run, first + n as i64);
        }
        doc.change_page_content(page, Content { operations }.encode()?)?;
        for (n, figure) in figures.by_ref().take(runs.len()).enumerate() {
            let element = doc.get_dictionary_mut(figure)?;
            element.set("K", vec![Object::Integer(first + n as i64)]);
            element.set("Pg", page);
            parent_array(doc, page)?.push(Object::Reference(figure));
        }
    }
    Ok(())
}

/// The Figure elements with no content, in the structure tree's order.
fn empty_figures(doc: &Document) -> Vec<ObjectId> {
    let mut found = Vec::new();
    let root = doc.catalog().ok().and_then(|c| c.get(b"StructTreeRoot").ok().cloned());
    let mut stack: Vec<Object> = root.into_iter().collect();
    while let Some(object) = stack.pop() {
        let (id, object) = match object {
            Object::Reference(id) => match doc.get_object(id) {
                Ok(o) => (Some(id), o.clone()),
                Err(_) => continue,
            },
            other => (None, other),
        };
        match object {
            Object::Array(items) => stack.extend(items.into_iter().rev()),
            Object::Dictionary(dict) => {
                let kids = dict.get(b"K").ok().cloned();
                let empty = kids.as_ref().is_none_or(|k| k.as_array().is_ok_and(Vec::is_empty));
                if dict.get(b"S").and_then(Object::as_name).ok() == Some(b"Figure") && empty {
                    found.extend(id);
                }
                stack.extend(kids);
            }
            _ => {}
        }
    }
    found
}

/// Where the runs of QR squares are: each square is typst's decoration
/// (`/Artifact BDC` .. `EMC`) filling one black shape; as (first, last)
/// operation indices of the run.
fn square_runs(operations: &[Operation]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let (mut start, mut squares) = (0, 0);
    while i < operations.len() {
        match square_end(operations, i) {
            Some(end) => {
                if squares == 0 {
                    start = i;
                }
                squares += 1;
                i = end + 1;
            }
            None => {
                if squares >= SQUARES {
                    runs.push((start, i - 1));
                }
                squares = 0;
                i += 1;
            }
        }
    }
    if squares >= SQUARES {
        runs.push((start, operations.len() - 1));
    }
    runs
}

/// Where the square that starts at `i` ends (its `EMC`), if one does.
fn square_end(operations: &[Operation], i: usize) -> Option<usize> {
    let begins = operations[i].operator == "BDC"
        && operations[i].operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
    if !begins {
        return None;
    }
    let end = i + operations[i..].iter().position(|o| o.operator == "EMC")?;
    let inside = &operations[i + 1..end];
    let fills = inside.iter().any(|o| o.operator == "f");
    let black = inside.iter().any(|o| {
        o.operator == "k"
            && o.operands
                .iter()
                .filter_map(|v| v.as_float().ok())
                .eq([0.0, 0.0, 0.0, 1.0])
    });
    let other = inside
        .iter()
        .any(|o| matches!(o.operator.as_str(), "BDC" | "BMC" | "TJ" | "Tj" | "S" | "Do"));
    (fills && black && !other).then_some(end)
}

/// The operations with the run of squares as one marked Figure.
fn as_figure(operations: Vec<Operation>, &(first, last): &(usize, usize), mcid: i64) -> Vec<Operation> {
    let mut out = Vec::with_capacity(operations.len());
    for (i, operation) in operations.into_iter().enumerate() {
        let inside = (first..=last).contains(&i);
        if i == first {
            let properties = Dictionary::from_iter([("MCID", Object::Integer(mcid))]);
            out.push(Operation::new(
                "BDC",
                vec![Object::Name(b"Figure".to_vec()), Object::Dictionary(properties)],
            ));
        } else if !inside || i == last || !matches!(operation.operator.as_str(), "BDC" | "EMC") {
            // The squares' own artifact marks go; the run's last EMC closes the Figure.
            out.push(operation);
        }
    }
    out
}

/// The page's array in the structure parent tree.
fn parent_array(doc: &mut Document, page: ObjectId) -> Result<&mut Vec<Object>, lopdf::Error> {
    let key = doc.get_dictionary(page)?.get(b"StructParents")?.as_i64()?;
    let root = doc.catalog()?.get(b"StructTreeRoot")?.as_reference()?;
    let tree = doc.get_dictionary(root)?.get(b"ParentTree")?;
    let nums = match tree {
        Object::Reference(id) => doc.get_dictionary(*id)?.get(b"Nums")?,
        tree => tree.as_dict()?.get(b"Nums")?,
    };
    let entry = nums
        .as_array()?
        .chunks(2)
        .find(|pair| pair[0].as_i64().ok() == Some(key))
        .and_then(|pair| pair.get(1)?.as_reference().ok())
        .ok_or(lopdf::Error::DictKey("ParentTree".into()))?;
    doc.get_object_mut(entry)?.as_array_mut()
}
