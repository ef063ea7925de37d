//! A leaflet that would run past `[print] max_pages` prints the first
//! themes (or local offer entries) that fit, and says how many more the
//! website has, where its QR code leads. A leaflet then costs the same to
//! typeset however long a band or the offer grows.

use serde_json::{Value, json};

/// Characters of a leaflet's data that fill a square millimetre of page at
/// 11 point. Generous on purpose: typesetting finds the exact number by
/// cutting further, never by adding back.
const DENSITY: f64 = 0.05;

/// Where a leaflet's items are: in a list of groups, each with a list.
/// The local offer's entries are in its areas, a newsletter's messages,
/// entries and events in its sections.
const GROUPS: [(&str, &str); 2] = [("areas", "entries"), ("sections", "items")];

/// The themes of a band's leaflet, or the entries of each group.
fn each(data: &Value) -> Box<dyn Iterator<Item = &Value> + '_> {
    match data["kind"].as_str() {
        Some("band") => Box::new(data["themes"].as_array().into_iter().flatten()),
        _ => Box::new(GROUPS.iter().flat_map(move |(groups, items)| {
            data[*groups]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(move |group| group[*items].as_array().into_iter().flatten())
        })),
    }
}

/// How many themes or entries a leaflet's data holds.
pub fn items(data: &Value) -> usize {
    each(data).count()
}

/// About how many of the items fit on `pages` pages of `area_mm2` each,
/// at the leaflet's text size, counting their data's length.
pub fn estimate(data: &Value, pages: usize, area_mm2: f64) -> usize {
    let size = data["text_size"].as_f64().unwrap_or(11.0);
    let budget = area_mm2 * DENSITY * (11.0 / size).powi(2) * pages as f64;
    let mut used = 0.0;
    each(data)
        .take_while(|item| {
            used += item.to_string().chars().count() as f64;
            used <= budget
        })
        .count()
}

/// The leaflet's data with only its first `keep` items (of `total`), and
/// how many it leaves to the website as `left_out`.
pub fn cut(data: &Value, keep: usize, total: usize) -> Value {
    let mut data = data.clone();
    if let Some(themes) = data["themes"].as_array_mut() {
        themes.truncate(keep);
    }
    for (groups, items) in GROUPS {
        let Some(groups) = data[groups].as_array_mut() else {
            continue;
        };
        let mut left = keep;
        // A group the cut empties goes; one that had nothing stays, to say so.
        groups.retain_mut(|group| match group[items].as_array_mut() {
            Some(list) if !list.is_empty() => {
                list.truncate(left);
                left -= list.len();
                !list.is_empty()
            }
            _ => true,
        });
    }
    data["left_out"] = json!((keep < total).then(|| total - keep));
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(counts: &[usize]) -> Value {
        let areas: Vec<Value> = counts
            .iter()
            .map(|&n| json!({ "title": "Money", "entries": vec![json!({ "title": "Help" }); n] }))
            .collect();
        json!({ "kind": "offer", "areas": areas })
    }

    #[test]
    fn a_cut_keeps_the_first_entries_in_order_and_counts_the_rest() {
        let data = offer(&[3, 4, 5]);
        assert_eq!(items(&data), 12);
        let cut5 = cut(&data, 5, 12);
        assert_eq!(items(&cut5), 5);
        assert_eq!(cut5["areas"].as_array().map(Vec::len), Some(2));
        assert_eq!(cut5["left_out"], json!(7));
        assert_eq!(cut(&data, 12, 12)["left_out"], Value::Null);
    }

    #[test]
    fn the_estimate_grows_with_the_pages_and_shrinks_with_the_text() {
        let themes = vec![json!({ "title": "Keeping safe", "summary": "x".repeat(200) }); 1000];
        let small = json!({ "kind": "band", "themes": themes, "text_size": 11 });
        let mut large = small.clone();
        large["text_size"] = json!(16);
        let a5 = 148.0 * 210.0;
        assert!(estimate(&small, 8, a5) > estimate(&small, 4, a5));
        assert!(estimate(&large, 8, a5) < estimate(&small, 8, a5));
        assert!(estimate(&small, 1000, a5) == 1000);
    }
}
