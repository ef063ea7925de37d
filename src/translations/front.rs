//! Writing fields into a content file's front matter, YAML or TOML, and
//! leaving every other line as it was: a translation's words, and its
//! record of the original it was made from (always the last field).

/// A field's new value.
pub enum Value<'a> {
    Words(&'a str),
    List(Vec<&'a str>),
}

/// The field of a translation that records its original.
pub const RECORD: &str = "translated_from";

/// `text`, a whole content file, with `fields` set in its front matter and
/// its record of its original replaced by `record` (each piece's id and the
/// hash of its words); `None` if it has no front matter to write them in.
pub fn with_fields(text: &str, fields: &[(&str, Value)], record: &[(String, String)]) -> Option<String> {
    let crlf = text.contains("\r\n");
    let text = text.replace("\r\n", "\n");
    let (bom, rest) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text.as_str()),
    };
    let (fence, after) = rest.split_once('\n')?;
    let fence = fence.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let close = format!("\n{fence}");
    let (front, body) = if let Some(body) = after.strip_prefix(fence) {
        ("", body)
    } else {
        let end = after.find(&close)?;
        (&after[..=end], &after[end + close.len()..])
    };
    let front = if fence == "---" {
        yaml(front, fields, record)
    } else {
        toml(front, fields, record)?
    };
    let out = format!("{bom}{fence}\n{front}{fence}{body}");
    Some(if crlf { out.replace('\n', "\r\n") } else { out })
}

/// YAML front matter, changed line by line: a field is its line at the
/// left edge and every line under it, up to the next field.
fn yaml(front: &str, fields: &[(&str, Value)], record: &[(String, String)]) -> String {
    let mut lines: Vec<String> = front.lines().map(str::to_string).collect();
    let mut set = |key: &str, value: Option<String>| {
        let is_key = |line: &String| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        };
        let start = lines.iter().position(is_key);
        let range = start.map(|start| {
            let end = lines[start + 1..]
                .iter()
                .position(|l| !(l.is_empty() || l.starts_with([' ', '\t', '#', '-'])))
                .map_or(lines.len(), |i| start + 1 + i);
            start..end
        });
        let new: Vec<String> = value
            .map(|v| v.lines().map(str::to_string).collect())
            .unwrap_or_default();
        match range {
            Some(range) => {
                lines.splice(range, new);
            }
            None => lines.extend(new),
        }
    };
    for (key, value) in fields {
        let written = match value {
            Value::Words(words) => format!("{key}: {}", scalar(words, "")),
            Value::List(items) => {
                let items: Vec<String> = items.iter().map(|i| format!("  - {}", scalar(i, "  "))).collect();
                format!("{key}:\n{}", items.join("\n"))
            }
        };
        set(key, Some(written));
    }
    set(RECORD, None);
    if !record.is_empty() {
        let entries: Vec<String> = record.iter().map(|(id, h)| format!("  {id}: \"{h}\"")).collect();
        set(RECORD, Some(format!("{RECORD}:\n{}", entries.join("\n"))));
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Words as a YAML value, its lines after the first indented `indent` more.
fn scalar(words: &str, indent: &str) -> String {
    let written = serde_yaml_ng::to_string(words).unwrap_or_else(|_| format!("{words:?}"));
    let written = written.trim_end_matches('\n');
    written.replace('\n', &format!("\n{indent}"))
}

/// TOML front matter, changed by a TOML editor that keeps what it does not
/// change; `None` if it does not read (it did, when the site was loaded).
fn toml(front: &str, fields: &[(&str, Value)], record: &[(String, String)]) -> Option<String> {
    let mut doc: toml_edit::DocumentMut = front.parse().ok()?;
    for (key, value) in fields {
        doc[key] = match value {
            Value::Words(words) => toml_edit::value(*words),
            Value::List(items) => toml_edit::value(items.iter().copied().collect::<toml_edit::Array>()),
        };
    }
    set_toml_record(&mut doc, record);
    let mut out = doc.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// A TOML file's record of its original, `[translated_from]`, replaced by
/// `record` (none, if it is empty) as the file's last table.
pub fn set_toml_record(doc: &mut toml_edit::DocumentMut, record: &[(String, String)]) {
    doc.remove(RECORD);
    if !record.is_empty() {
        let mut table = toml_edit::Table::new();
        for (id, h) in record {
            table.insert(id, toml_edit::value(h));
        }
        doc.insert(RECORD, toml_edit::Item::Table(table));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Vec<(String, String)> {
        vec![("title".into(), "aa".into()), ("body.1.1".into(), "bb".into())]
    }

    #[test]
    fn yaml_fields_are_set_and_the_record_is_last() {
        let text = "---\ntitle: x\ntranslated_from:\n  title: \"bb\"\n  summary: \"cc\"\nwe_did:\n- one\n-  two\n# a note\nsummary: y\n---\nBody\n";
        let fields = [
            ("title", Value::Words("عنوان: جديد")),
            ("we_did", Value::List(vec!["واحد", "two\nlines"])),
        ];
        let out = with_fields(text, &fields, &record()).unwrap();
        assert_eq!(
            out,
            "---\ntitle: 'عنوان: جديد'\nwe_did:\n  - واحد\n  - |-\n    two\n    lines\nsummary: y\ntranslated_from:\n  title: \"aa\"\n  body.1.1: \"bb\"\n---\nBody\n"
        );
        let values: serde_yaml_ng::Value = serde_yaml_ng::from_str(out.split("---\n").nth(1).unwrap()).unwrap();
        assert_eq!(values["we_did"][1].as_str(), Some("two\nlines"));
        assert_eq!(with_fields(&out, &fields, &record()).unwrap(), out);
        let windows = with_fields("---\r\ntitle: x\r\n---\r\nBody\r\n", &[], &record()).unwrap();
        assert_eq!(
            windows,
            "---\r\ntitle: x\r\ntranslated_from:\r\n  title: \"aa\"\r\n  body.1.1: \"bb\"\r\n---\r\nBody\r\n"
        );
    }

    #[test]
    fn toml_fields_are_set_and_the_rest_kept() {
        let text = "+++\n# kept\ntitle = \"x\"\norder = 2\n+++\nBody\n";
        let out = with_fields(text, &[("title", Value::Words("عنوان \"جديد\""))], &record()).unwrap();
        assert_eq!(
            out,
            "+++\n# kept\ntitle = 'عنوان \"جديد\"'\norder = 2\n\n[translated_from]\ntitle = \"aa\"\n\"body.1.1\" = \"bb\"\n+++\nBody\n"
        );
        assert!(with_fields("no front matter", &[], &[]).is_none());
    }
}
