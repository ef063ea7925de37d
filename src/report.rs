//! Diagnostics printed for people, like a compiler: each quotes the line of
//! the content file it is about and underlines the words; and as JSON for
//! editors and other tools.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostics::{Diagnostic, LineIndex, Location, Severity, display_path};

/// How many warnings of one kind are shown unless every one is asked for:
/// thousands of one kind (a site written for adults, in the youngest band)
/// would hide everything else, and take long to draw.
pub const SHOWN_OF_A_KIND: usize = 20;

/// Prints diagnostics like a compiler, quoting the line of the file they are
/// about: the errors, then the warnings. `root` is where relative file names
/// are found; `color` turns on terminal colours. Unless `all`, only the first
/// [`SHOWN_OF_A_KIND`] warnings of each kind are drawn, and the rest counted.
pub fn to_human(diagnostics: &[Diagnostic], root: &Path, color: bool, all: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut files = Files::new(root);
    let mut out = String::new();
    let mut of_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let errors = diagnostics.iter().filter(|d| d.is_error());
    for d in errors.chain(diagnostics.iter().filter(|d| !d.is_error())) {
        let seen = of_kind.entry(d.code.as_ref()).or_default();
        *seen += 1;
        if all || d.is_error() || *seen <= SHOWN_OF_A_KIND {
            let _ = writeln!(out, "{}\n", renderer.render(&report(d, root, &mut files)));
        }
    }
    let left_out: Vec<(&str, usize)> = of_kind
        .into_iter()
        .filter(|(_, n)| !all && *n > SHOWN_OF_A_KIND)
        .map(|(code, n)| (code, n - SHOWN_OF_A_KIND))
        .collect();
    if !left_out.is_empty() {
        let counts: Vec<String> = left_out.iter().map(|(code, n)| format!("{n} more {code}")).collect();
        let title = Level::NOTE.primary_title(format!(
            "only the first {} warnings of each kind are shown; not shown: {}",
            SHOWN_OF_A_KIND,
            counts.join(", ")
        ));
        let help = Level::HELP.message(
            "`promise check --all` shows every one, and `promise check --format json` lists them all for a spreadsheet or an editor",
        );
        let _ = writeln!(out, "{}\n", renderer.render(&[Group::with_title(title).element(help)]));
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
        group = group.element(Level::HELP.message(help.as_ref()));
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
        let text = to_human(&[d], dir.path(), false, false);
        assert!(text.contains("error[unknown-contact]"), "{text}");
        assert!(text.contains("a.md:2:10"), "{text}");
        assert!(text.contains(&display_path(&dir.path().join("a.md"))), "{text}");
        assert!(text.contains("contact: leaving-care"), "{text}");
        assert!(text.contains("^^^^^^^^^^^^ not in site.toml"), "{text}");
        assert!(text.contains("help: the contacts are"), "{text}");
    }

    #[test]
    fn errors_come_first_and_each_kind_of_warning_is_cut_to_the_first_few() {
        let dir = tempfile::tempdir().unwrap();
        let many: Vec<Diagnostic> = (0..SHOWN_OF_A_KIND + 5)
            .map(|i| Diagnostic::warning("long-word", format!("long word {i}")).in_file("a.md"))
            .chain([
                Diagnostic::warning("placement", "a word to avoid").in_file("a.md"),
                Diagnostic::error("broken-link", "there is no page at /x/").in_file("z.md"),
            ])
            .collect();
        let text = to_human(&many, dir.path(), false, false);
        let error = text.find("error[broken-link]").unwrap();
        assert!(text.find("warning[").is_some_and(|w| error < w), "{text}");
        assert_eq!(text.matches("warning[long-word]").count(), SHOWN_OF_A_KIND, "{text}");
        assert!(
            text.contains("long word 19") && !text.contains("long word 20"),
            "{text}"
        );
        assert!(text.contains("warning[placement]"), "{text}");
        assert!(text.contains("not shown: 5 more long-word"), "{text}");
        assert!(text.contains("promise check --all"), "{text}");
        let all = to_human(&many, dir.path(), false, true);
        assert_eq!(all.matches("warning[long-word]").count(), SHOWN_OF_A_KIND + 5, "{all}");
        assert!(!all.contains("not shown"), "{all}");
    }
}
