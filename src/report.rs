//! Diagnostics printed for people, like a compiler: each quotes the line of
//! the content file it is about and underlines the words; and as JSON for
//! editors and other tools.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostics::{Diagnostic, LineIndex, Location, Severity, display_path};

/// Prints diagnostics like a compiler, quoting the line of the file they are
/// about. `root` is where relative file names are found; `color` turns on
/// terminal colours.
pub fn to_human(diagnostics: &[Diagnostic], root: &Path, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut files = Files::new(root);
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(out, "{}\n", renderer.render(&report(d, root, &mut files)));
    }
    out
}

/// The content files diagnostics quote, each read and indexed once however
/// many diagnostics point into it.
pub struct Files<'r> {
    root: &'r Path,
    read: std::collections::HashMap<PathBuf, (String, LineIndex)>,
}

impl<'r> Files<'r> {
    /// The files of the content folder `root`.
    pub fn new(root: &'r Path) -> Self {
        Files {
            root,
            read: Default::default(),
        }
    }

    /// Line `line` of `file`, read from inside the content folder only.
    fn line(&mut self, file: &Path, line: usize) -> String {
        let (text, lines) = self.read.entry(file.to_path_buf()).or_insert_with(|| {
            let bytes = crate::files::read(self.root, file).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let lines = LineIndex::new(&text);
            (text, lines)
        });
        lines.text(text, line).to_string()
    }

    /// The words a diagnostic underlines.
    pub fn underlined(&mut self, at: &Location) -> String {
        self.line(&at.file, at.line)
            .chars()
            .skip(at.column.saturating_sub(1))
            .take(at.len)
            .collect()
    }
}

fn report<'a>(d: &'a Diagnostic, root: &Path, files: &mut Files) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_ref());
    let mut group = match (&d.at, &d.file) {
        (Some(at), _) => {
            let line = files.line(&at.file, at.line);
            let start = char_to_byte(&line, at.column.saturating_sub(1));
            let end = char_to_byte(&line, at.column.saturating_sub(1) + at.len.max(1));
            let mut annotation = AnnotationKind::Primary.span(start..end.max(start));
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            title.element(
                Snippet::source(line)
                    .line_start(at.line)
                    .path(display_path(&root.join(&at.file)))
                    .annotation(annotation),
            )
        }
        (None, Some(file)) => title.element(Level::NOTE.message(format!("in {}", display_path(&root.join(file))))),
        (None, None) => Group::with_title(title),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    vec![group]
}

/// Prints diagnostics as a JSON array, for editors and other tools.
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "code": d.code,
                "message": d.message,
                "file": d.file.as_deref().map(display_path),
                "line": d.at.as_ref().map(|l| l.line),
                "column": d.at.as_ref().map(|l| l.column),
                "label": d.label,
                "help": d.help,
                "suggestion": d.suggestion,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(byte, _)| byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_output_quotes_the_line_and_underlines_the_value() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\ncontact: leaving-care\n---\n").unwrap();
        let d = Diagnostic::error("unknown-contact", "there is no contact called \"leaving-care\"")
            .at(Location {
                file: "a.md".into(),
                line: 2,
                column: 10,
                len: 12,
            })
            .label("not in site.toml")
            .help("the contacts are: \"leaving-care-team\"");
        let text = to_human(&[d], dir.path(), false);
        assert!(text.contains("error[unknown-contact]"), "{text}");
        assert!(text.contains("a.md:2:10"), "{text}");
        assert!(text.contains(&display_path(&dir.path().join("a.md"))), "{text}");
        assert!(text.contains("contact: leaving-care"), "{text}");
        assert!(text.contains("^^^^^^^^^^^^ not in site.toml"), "{text}");
        assert!(text.contains("help: the contacts are"), "{text}");
    }
}
