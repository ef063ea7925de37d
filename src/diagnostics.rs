//! Every problem a participation officer can cause, and how it is printed.
//!
//! A diagnostic points at a place in a content file (when there is one), says
//! what is wrong in plain words, and says how to fix it.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a content file. Lines and columns count from 1; `len` is how
/// many characters to underline.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

impl Location {
    /// The place of a byte range in a file's text: the first line of the range,
    /// underlined to the end of that line at most.
    pub fn from_span(file: &Path, text: &str, span: std::ops::Range<usize>) -> Self {
        let start = span.start.min(text.len());
        let before = &text[..floor_char(text, start)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        let rest = &text[floor_char(text, start)..floor_char(text, span.end.max(start).min(text.len()))];
        let len = rest.lines().next().unwrap_or_default().chars().count();
        Location {
            file: file.to_path_buf(),
            line,
            column,
            len,
        }
    }
}

impl Location {
    /// Where `needle` first stands in a file's text, or the file's first line.
    pub fn of_text(file: &Path, text: &str, needle: &str) -> Self {
        let start = text.find(needle).unwrap_or(0);
        Location::from_span(file, text, start..start + needle.len())
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short, stable name for the kind of problem, such as `unknown-contact`,
    /// or the id of a rule in words.toml.
    pub code: Cow<'static, str>,
    pub message: String,
    /// The file the problem is in, when there is one.
    pub file: Option<PathBuf>,
    /// Where in `file`, when a line is known.
    pub at: Option<Location>,
    /// What is underlined is labelled with this.
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// Words to put in place of what is underlined, when there is a fix.
    pub suggestion: Option<String>,
}

impl Diagnostic {
    pub fn error(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.into(),
            message: message.into(),
            file: None,
            at: None,
            label: None,
            help: None,
            suggestion: None,
        }
    }

    pub fn warning(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// The problem is about this file as a whole.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// The problem is at this place in a file.
    pub fn at(mut self, at: Location) -> Self {
        self.file = Some(at.file.clone());
        self.at = Some(at);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The fix: `words` in place of what is underlined.
    pub fn suggest(mut self, words: impl Into<String>) -> Self {
        self.suggestion = Some(words.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics in the order a reader expects: by file, then line.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.at.as_ref().map(|l| (l.line, l.column)), &a.code).cmp(&(
            &b.file,
            b.at.as_ref().map(|l| (l.line, l.column)),
            &b.code,
        ))
    });
}

/// Prints diagnostics like a compiler, quoting the line of the file they are
/// about. `root` is where relative file names are found; `color` turns on
/// terminal colours.
pub fn to_human(diagnostics: &[Diagnostic], root: &Path, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(out, "{}\n", renderer.render(&report(d, root)));
    }
    out
}

fn report<'a>(d: &'a Diagnostic, root: &Path) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_ref());
    let mut group = match (&d.at, &d.file) {
        (Some(at), _) => {
            let line = read_line(root, &at.file, at.line);
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

/// File names are shown with forward slashes whatever the machine, as the
/// participation team sees them in their file browser.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// The words a diagnostic underlines, read from its file under `root`.
pub fn underlined(root: &Path, at: &Location) -> String {
    read_line(root, &at.file, at.line)
        .chars()
        .skip(at.column.saturating_sub(1))
        .take(at.len)
        .collect()
}

fn read_line(root: &Path, file: &Path, line: usize) -> String {
    // Only a file inside the content folder is ever quoted.
    let bytes = crate::content::read(root, file).unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or_default()
        .to_string()
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(byte, _)| byte)
}

/// The known name closest to `wrong`, if any is close enough to be a typo.
pub fn nearest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&wrong.to_lowercase(), &k.to_lowercase()), k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// "did you mean …?" when a known name is close, else the list of known names.
pub fn suggest(wrong: &str, what: &str, known: &[&str]) -> String {
    let list = known.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
    match nearest(wrong, known.iter().copied()) {
        Some(near) => format!("did you mean \"{near}\"? The {what} are: {list}"),
        None => format!("the {what} are: {list}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_but_not_strangers() {
        let known = ["title", "summary", "order", "icon"];
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("Summery", known), Some("summary"));
        assert_eq!(nearest("xyz", known), None);
    }

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
