//! Silencing a check where an author knows better: `<!-- allow: placement -->`
//! at the end of a line silences that line; on a line of its own it silences
//! the paragraph, list or table that follows (up to the next blank line). In
//! front matter, `# allow: placement` at the end of a line does the same.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use regex::Regex;

use super::Doc;
use crate::diagnostics::Diagnostic;

static ALLOW: LazyLock<Regex> =
    LazyLock::new(|| super::pattern(r"(?:<!--|#)\s*allow:\s*([a-z0-9][a-z0-9, -]*?)\s*(?:-->|$)"));

/// The diagnostics about `doc` that no allow comment silences.
pub fn filter(doc: &Doc, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let allowed = allowed(doc);
    if allowed.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter(|d| {
            let Some(at) = &d.at else { return true };
            !allowed
                .iter()
                .any(|(ids, lines)| lines.contains(&at.line) && ids.iter().any(|id| *id == d.code))
        })
        .collect()
}

/// The rule ids each allow comment names, and the lines of the file it covers.
fn allowed<'a>(doc: &'a Doc) -> Vec<(Vec<&'a str>, RangeInclusive<usize>)> {
    let mut out = Vec::new();
    // Most pages have none: no need to look line by line.
    if !doc.body.contains("allow:") && !doc.origin.front.contains("allow:") {
        return out;
    }
    let front = doc.origin.front.lines().map(|l| (l, true));
    let body = doc.body.lines().map(|l| (l, false));
    let lines: Vec<(&str, bool)> = front.chain(std::iter::once(("", true))).chain(body).collect();
    let first_line = doc.origin.front_line;
    for (i, (line, in_front)) in lines.iter().enumerate() {
        let Some(found) = ALLOW.captures(line) else { continue };
        let Some(ids) = found.get(1) else { continue };
        let ids: Vec<&str> = ids.as_str().split([',', ' ']).filter(|s| !s.is_empty()).collect();
        let comment_only = !in_front && line.trim_start().starts_with("<!--");
        let end = if comment_only {
            let blank = lines[i + 1..].iter().position(|(l, _)| l.trim().is_empty());
            i + blank.unwrap_or(lines.len() - i - 1)
        } else {
            i
        };
        out.push((ids, first_line + i..=first_line + end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Origin;
    use crate::diagnostics::Location;

    fn at(line: usize) -> Diagnostic {
        Diagnostic::warning("placement", "x").at(Location {
            file: "a.md".into(),
            line,
            column: 1,
            len: 1,
        })
    }

    #[test]
    fn a_comment_silences_its_line_or_the_block_after_it() {
        // Front matter on line 2, closing fence on line 3, body from line 4.
        let origin = Origin {
            file: "a.md".into(),
            body_line: 4,
            front: "title: Your placement # allow: placement\n".into(),
            front_line: 2,
            language: None,
            translated_from: Default::default(),
            original_changed: false,
        };
        let config = crate::config::test_config();
        let mut doc = Doc::for_tests(&config);
        doc.origin = &origin;
        doc.body = "a placement <!-- allow: placement -->\nplacement\n\n<!-- allow: respite, placement -->\n- placement\n- placement\n\nplacement\n";
        let kept: Vec<usize> = filter(&doc, (1..=11).map(at).collect())
            .iter()
            .filter_map(|d| d.at.as_ref().map(|a| a.line))
            .collect();
        assert_eq!(kept, vec![1, 3, 5, 6, 10, 11]);
    }
}
