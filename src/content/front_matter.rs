//! Splitting a content file into its front matter (YAML between `---` lines,
//! or TOML between `+++` lines) and its markdown body, and reading the front
//! matter into fields that remember their line.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Location};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// A content file, split.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub format: Format,
    /// The front matter's text, without its fences.
    pub front: &'a str,
    /// The line of the file the front matter's first line is on.
    pub front_line: usize,
    pub values: BTreeMap<String, Value>,
    pub body: &'a str,
    /// The line of the file the body starts on.
    pub body_line: usize,
}

/// Splits and parses a file, or says what is wrong with its front matter.
pub fn parse<'a>(file: &Path, text: &'a str) -> Result<Parsed<'a>, Diagnostic> {
    let text_start = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text_start.lines().next().unwrap_or_default().trim_end();
    let format = match first {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => {
            return Err(Diagnostic::error("missing-front-matter", "this file does not start with front matter")
                .at(Location { file: file.to_path_buf(), line: 1, column: 1, len: first.chars().count() })
                .label("the first line should be --- on its own")
                .help("start the file with a line of three dashes (---), the fields such as \"title: ...\", then another line of ---, then the text"));
        }
    };
    let fence = first;
    let after_open = &text_start[text_start.find('\n').map_or(text_start.len(), |i| i + 1)..];
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start)) = close else {
        let lines = text_start.lines().count().max(1);
        return Err(Diagnostic::error(
            "unclosed-front-matter",
            format!("the front matter is never closed with a line of {fence}"),
        )
        .at(Location {
            file: file.to_path_buf(),
            line: 1,
            column: 1,
            len: 3,
        })
        .label("it opens here")
        .help(format!(
            "add a line with only {fence} after the last field (the file has {lines} lines and none of them is {fence})"
        )));
    };
    let front = &after_open[..front_end];
    let body = &after_open[body_start..];
    let front_line = 2;
    let body_line = front_line + front.matches('\n').count() + 1;
    let values = match format {
        Format::Yaml => parse_yaml(file, front, front_line)?,
        Format::Toml => parse_toml(file, front, front_line)?,
    };
    Ok(Parsed {
        format,
        front,
        front_line,
        values,
        body,
        body_line,
    })
}

fn parse_yaml(file: &Path, front: &str, front_line: usize) -> Result<BTreeMap<String, Value>, Diagnostic> {
    if front.trim().is_empty() {
        return Ok(BTreeMap::new());
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(front).map_err(|e| {
        let (line, column, message) = yaml_mistake(front, &e);
        Diagnostic::error("bad-yaml", format!("the front matter cannot be read: {message}"))
            .at(Location { file: file.to_path_buf(), line: front_line + line.saturating_sub(1), column, len: 1 })
            .help("each field goes on its own line as \"name: value\"; if a value has a colon (:) or starts with a symbol such as # or *, put it in double quotes; list items start with \"- \" and are indented the same way, with spaces")
    })?;
    let serde_yaml_ng::Value::Mapping(map) = value else {
        return Err(not_fields(file, front_line));
    };
    let mut values = BTreeMap::new();
    for (key, value) in map {
        let serde_yaml_ng::Value::String(key) = key else {
            return Err(not_fields(file, front_line));
        };
        values.insert(key, yaml_to_json(value));
    }
    Ok(values)
}

/// Where in `front` (line and column, from 1) the author's mistake is, and
/// what it is in plain words. The parser notices some mistakes only later
/// than where they were made: an unclosed quote at the end of the front
/// matter, a repeated field at the top.
fn yaml_mistake(front: &str, e: &serde_yaml_ng::Error) -> (usize, usize, String) {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let message = e.to_string();
    if let Some(opened) = message.split("while scanning a quoted scalar at line ").nth(1) {
        let mut numbers = opened.split(" column ").map(|n| n.trim().parse::<usize>().ok());
        if let (Some(Some(line)), Some(Some(column))) = (numbers.next(), numbers.next()) {
            let plain = "a quote is opened here but never closed: add the closing quote at the end of the value";
            return (line, column, plain.to_string());
        }
    }
    if let Some(key) = message
        .strip_prefix("duplicate entry with key \"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        let repeated = front
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .nth(1);
        if let Some((i, _)) = repeated {
            return (
                i + 1,
                1,
                format!("the field \"{key}\" is written twice: keep one of them"),
            );
        }
    }
    let at_tab = front
        .lines()
        .nth(line.saturating_sub(1))
        .is_some_and(|l| l.chars().take_while(|c| c.is_whitespace()).any(|c| c == '\t'));
    if at_tab {
        return (
            line,
            1,
            "a line is indented with a tab: indent with spaces instead".to_string(),
        );
    }
    (
        line,
        column,
        plain_yaml(message.split(" at line ").next().unwrap_or(&message)),
    )
}

/// The YAML parser's words for the mistakes people make most, in plain words.
fn plain_yaml(message: &str) -> String {
    const PLAIN: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "a value has a colon (:) in it, which reads as the start of a new field",
        ),
        (
            "did not find expected key",
            "a line is indented differently from the lines around it",
        ),
        (
            "did not find expected '-' indicator",
            "a list item is indented differently from the others",
        ),
        (
            "found character that cannot start any token",
            "a value starts with a symbol that needs quotes around the value",
        ),
        (
            "found unexpected end of stream",
            "a quote or bracket is opened but never closed",
        ),
        (
            "did not find expected ',' or ']'",
            "a [ is opened but never closed with ]",
        ),
        (
            "found undefined alias",
            "a value starts with *, which needs quotes around the value",
        ),
    ];
    PLAIN
        .iter()
        .find(|(jargon, _)| message.contains(jargon))
        .map_or_else(|| message.to_string(), |(_, plain)| plain.to_string())
}

fn yaml_to_json(value: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => n
            .as_i64()
            .map(Value::from)
            .or_else(|| n.as_f64().map(Value::from))
            .unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .filter_map(|(k, v)| match k {
                    Y::String(k) => Some((k, yaml_to_json(v))),
                    _ => None,
                })
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn parse_toml(file: &Path, front: &str, front_line: usize) -> Result<BTreeMap<String, Value>, Diagnostic> {
    let table: toml::Table = toml::from_str(front).map_err(|e| {
        let mut d = crate::files::toml_error::toml_error(file, front, &e);
        if let Some(at) = &mut d.at {
            at.line += front_line - 1;
        }
        d
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        // Dates are read as text, the same as in YAML.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

fn not_fields(file: &Path, front_line: usize) -> Diagnostic {
    Diagnostic::error(
        "bad-front-matter",
        "the front matter should be a list of fields, one \"name: value\" a line",
    )
    .at(Location {
        file: file.to_path_buf(),
        line: front_line,
        column: 1,
        len: 1,
    })
    .help("write each field on its own line, such as \"title: Keeping you safe\"")
}

impl Parsed<'_> {
    /// Where the value of a top-level field is written, or the opening fence
    /// when the field is not there.
    pub fn location(&self, file: &Path, key: &str) -> Location {
        field_location(file, self.front, self.front_line, key)
    }
}

/// Where the value of a top-level field is written in front matter (`front`,
/// starting on line `front_line` of `file`), or the opening fence when the
/// field is not there.
pub fn field_location(file: &Path, front: &str, front_line: usize, key: &str) -> Location {
    for (i, line) in front.lines().enumerate() {
        let Some(rest) = strip_key(line, key) else { continue };
        // `:` in YAML, `=` in TOML: neither can follow a key in the other.
        let Some(value) = rest.trim_start().strip_prefix([':', '=']) else {
            continue;
        };
        let value_start = line.len() - value.trim_start().len();
        let column = line[..value_start].chars().count() + 1;
        let len = value.trim().chars().count();
        let (column, len) = if len == 0 {
            (1, key.chars().count())
        } else {
            (column, len)
        };
        return Location {
            file: file.to_path_buf(),
            line: front_line + i,
            column,
            len,
        };
    }
    Location {
        file: file.to_path_buf(),
        line: front_line - 1,
        column: 1,
        len: 3,
    }
}

/// The rest of `line` after `key`, written bare or in quotes at its start.
fn strip_key<'l>(line: &'l str, key: &str) -> Option<&'l str> {
    line.strip_prefix(key)
        .or_else(|| line.strip_prefix('"')?.strip_prefix(key)?.strip_prefix('"'))
        .or_else(|| line.strip_prefix('\'')?.strip_prefix(key)?.strip_prefix('\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_fields_and_body_lines() {
        let text = "---\ntitle: Keeping safe\norder: 2\n---\n- one\n";
        let p = parse(Path::new("a.md"), text).unwrap();
        assert_eq!(p.format, Format::Yaml);
        assert_eq!(p.values["title"], "Keeping safe");
        assert_eq!(p.values["order"], 2);
        assert_eq!(p.body, "- one\n");
        assert_eq!(p.body_line, 5);
        let at = p.location(Path::new("a.md"), "order");
        assert_eq!((at.line, at.column, at.len), (3, 8, 1));
    }

    #[test]
    fn toml_dates_are_text() {
        let text = "+++\nreviewed = 2026-03-01\n+++\nBody";
        let p = parse(Path::new("a.md"), text).unwrap();
        assert_eq!(p.values["reviewed"], "2026-03-01");
        assert_eq!(p.location(Path::new("a.md"), "reviewed").column, 12);
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let text = "---\ntitle: Safe\nsummary: [unclosed\n---\n";
        let d = parse(Path::new("a.md"), text).unwrap_err();
        assert_eq!(d.code, "bad-yaml");
        let at = d.at.unwrap();
        assert!(at.line >= 3, "{at:?}");
    }

    #[test]
    fn a_colon_in_a_value_is_explained_in_plain_words() {
        let d = parse(Path::new("a.md"), "---\nsummary: Safe: a warm home\n---\n").unwrap_err();
        assert!(d.message.contains("a value has a colon (:) in it"), "{}", d.message);
        let at = d.at.unwrap();
        assert_eq!((at.line, at.column), (2, 14));
    }

    #[test]
    fn mistakes_are_placed_where_they_were_made() {
        let at = |text: &str| {
            let d = parse(Path::new("a.md"), text).unwrap_err();
            let at = d.at.unwrap();
            (at.line, at.column, d.message)
        };
        let (line, column, message) = at("---\ntitle: \"Keeping safe\norder: 1\nsummary: x\n---\n");
        assert_eq!((line, column), (2, 8));
        assert!(message.contains("a quote is opened here but never closed"), "{message}");
        let (line, column, message) = at("---\ntitle: x\nwe_did:\n\t- a\n---\n");
        assert_eq!((line, column), (4, 1));
        assert!(message.contains("indented with a tab"), "{message}");
        let (line, _, message) = at("---\ntitle: a\nsummary: b\ntitle: c\n---\n");
        assert_eq!(line, 4);
        assert!(message.contains("\"title\" is written twice"), "{message}");
    }

    #[test]
    fn missing_and_unclosed_fences() {
        assert_eq!(
            parse(Path::new("a.md"), "# Hello").unwrap_err().code,
            "missing-front-matter"
        );
        assert_eq!(
            parse(Path::new("a.md"), "---\ntitle: x\n").unwrap_err().code,
            "unclosed-front-matter"
        );
    }
}
