//! A TOML file's mistakes (site.toml, words.toml, a theme's strings,
//! front matter written in TOML) in the participation team's words, at their
//! line and column.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Location, suggest};

/// A TOML syntax or shape error, in the participation team's words.
pub fn toml_error(file: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let (message, help) = explain_serde(e.message());
    let mut d = Diagnostic::error("bad-toml", message).in_file(file).help(help);
    if let Some(span) = e.span() {
        d = d.at(Location::from_span(file, text, span));
    }
    d
}

/// Turns serde's messages about fields into plain words with a fix.
pub fn explain_serde(message: &str) -> (String, String) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return (
            format!("\"{name}\" is not a setting that can go here"),
            suggest(name, "settings that can go here", &known),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return (
            format!("the setting \"{name}\" is missing"),
            format!("add a line for \"{name}\""),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return (
            format!("\"{name}\" is not one of the choices here"),
            suggest(name, "choices", &known),
        );
    }
    if message.starts_with("invalid type:") {
        let (what, example) = if message.ends_with("expected a sequence") {
            (
                "a list",
                "in square brackets, separated by commas: [\"first\", \"second\"]",
            )
        } else if message.ends_with("expected a string") {
            ("words", "in double quotes: \"like this\"")
        } else if message.ends_with("expected a boolean") {
            ("true or false", "as true or false, without quotes")
        } else {
            ("a number", "as digits without quotes, such as 4")
        };
        return (
            format!("this setting needs {what}"),
            format!("write the value {example}"),
        );
    }
    (
        message.to_string(),
        "check the spelling, quotes and brackets on this line against README.md".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_plain_words() {
        let (message, help) = explain_serde("unknown field `titel`, expected one of `title`, `council`");
        assert_eq!(message, "\"titel\" is not a setting that can go here");
        assert!(help.starts_with("did you mean \"title\"?"), "{help}");
    }

    #[test]
    fn wrong_types_say_what_to_write() {
        let (message, help) = explain_serde("invalid type: string \"placement\", expected a sequence");
        assert_eq!(message, "this setting needs a list");
        assert!(help.contains("square brackets"), "{help}");
    }
}
