//! Reading typed values out of front matter, reporting every missing, unknown
//! or badly written field at the line it is on, all in one go.

use std::path::Path;

use jiff::civil::Date;
use serde_json::Value;

use super::front_matter::Parsed;
use crate::diagnostics::{Diagnostic, Location, suggest};

/// The field in which a translation records the original it was made from.
pub const TRANSLATED_FROM: &str = "translated_from";

/// The fields of one file, read one by one; `finish` reports the fields that
/// were never asked for.
pub struct Fields<'a> {
    file: &'a Path,
    parsed: &'a Parsed<'a>,
    /// The fields this kind of file can have, for "did you mean" help.
    known: &'static [&'static str],
    what: &'static str,
    pub problems: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    pub fn new(file: &'a Path, parsed: &'a Parsed<'a>, what: &'static str, known: &'static [&'static str]) -> Self {
        Fields {
            file,
            parsed,
            known,
            what,
            problems: Vec::new(),
        }
    }

    /// Where a field's value is written.
    pub fn location(&self, key: &str) -> Location {
        self.parsed.location(self.file, key)
    }

    fn value(&mut self, key: &str, required: bool) -> Option<&'a Value> {
        debug_assert!(self.known.contains(&key), "{key} is not listed as known");
        match self.parsed.values.get(key) {
            Some(Value::Null) | None if required => {
                self.problems.push(
                    Diagnostic::error("missing-field", format!("{} needs a \"{key}\" field", self.what))
                        .at(self.location(key))
                        .label(format!("add \"{key}\" to this front matter"))
                        .help(format!("add a line \"{key}: ...\" between the --- lines")),
                );
                None
            }
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    fn wrong(&mut self, key: &str, expected: &str, example: &str) {
        self.problems.push(
            Diagnostic::error("bad-field", format!("\"{key}\" should be {expected}"))
                .at(self.location(key))
                .help(format!("write it like this: {key}: {example}")),
        );
    }

    /// A required piece of text.
    pub fn text(&mut self, key: &str) -> String {
        self.optional_text(key, true).unwrap_or_default()
    }

    /// Text that may be left out.
    pub fn optional_text(&mut self, key: &str, required: bool) -> Option<String> {
        let text = match self.value(key, required)? {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.wrong(key, "a piece of text", "Some words here");
                return None;
            }
        };
        if text.is_empty() && required {
            self.problems.push(
                Diagnostic::error("empty-field", format!("\"{key}\" is empty"))
                    .at(self.location(key))
                    .help(format!("write something after \"{key}:\"")),
            );
        }
        Some(text)
    }

    /// A whole number, such as the order of a theme in its band.
    pub fn number(&mut self, key: &str, required: bool) -> Option<i64> {
        match self.value(key, required)? {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            _ => {
                self.wrong(key, "a whole number", "3");
                None
            }
        }
    }

    /// A date written year-month-day.
    pub fn date(&mut self, key: &str) -> Option<Date> {
        let text = match self.value(key, true)? {
            Value::String(s) => s.trim().to_string(),
            _ => {
                self.wrong(key, "a date", "2026-03-31");
                return None;
            }
        };
        match text.parse::<Date>() {
            Ok(date) if text.len() == 10 => Some(date),
            _ => {
                self.problems.push(
                    Diagnostic::error("bad-date", format!("\"{text}\" is not a date that can be read"))
                        .at(self.location(key))
                        .label("not a real date written year-month-day")
                        .help(format!(
                            "write the date as year-month-day with dashes, such as {key}: 2026-03-31"
                        )),
                );
                None
            }
        }
    }

    /// A yes-or-no setting, no when left out.
    pub fn yes_no(&mut self, key: &str) -> bool {
        match self.value(key, false) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if matches!(s.trim().to_lowercase().as_str(), "yes" | "true") => true,
            Some(Value::String(s)) if matches!(s.trim().to_lowercase().as_str(), "no" | "false") => false,
            Some(_) => {
                self.wrong(key, "true or false", "true");
                false
            }
        }
    }

    /// A list of short pieces of text; one piece of text is a list of one.
    pub fn list(&mut self, key: &str, required: bool) -> Vec<String> {
        match self.value(key, required) {
            Some(Value::Array(items)) if items.iter().all(|i| i.is_string()) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.trim().to_string())
                .collect(),
            Some(Value::String(s)) => vec![s.trim().to_string()],
            Some(_) => {
                self.wrong(
                    key,
                    "a list, one item a line starting with \"- \"",
                    "\n  - the first thing\n  - the second thing",
                );
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Reports every field that is not one of the known ones, and hands back
    /// what went wrong.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let known = self.known;
        for key in self.parsed.values.keys() {
            // Every kind of file can record what it was translated from.
            if !known.contains(&key.as_str())
                && key != TRANSLATED_FROM
                && !super::schedule::FIELDS.contains(&key.as_str())
            {
                let mut at = self.location(key);
                at.column = 1;
                at.len = key.chars().count();
                self.problems.push(
                    Diagnostic::error(
                        "unknown-field",
                        format!("\"{key}\" is not a field {} can have", self.what),
                    )
                    .at(at)
                    .label("unknown field")
                    .help(suggest(key, "fields it can have", known)),
                );
            }
        }
        self.problems
    }
}
