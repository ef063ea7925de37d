//! Every problem a participation officer can cause, as data.
//!
//! A diagnostic points at a place in a content file (when there is one), says
//! what is wrong in plain words, and says how to fix it. `report` prints them.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

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
    /// underlined to the end of that line at most. For many places in one
    /// text, make a [`LineIndex`] once instead.
    pub fn from_span(file: &Path, text: &str, span: std::ops::Range<usize>) -> Self {
        LineIndex::new(text).location(file, text, span)
    }

    /// Where `needle` first stands in a file's text, or the file's first line.
    pub fn of_text(file: &Path, text: &str, needle: &str) -> Self {
        let start = text.find(needle).unwrap_or(0);
        Location::from_span(file, text, start..start + needle.len())
    }
}

/// Where each line of a text starts, so that finding the line of a place
/// takes a search, not a count from the start: a file with thousands of
/// findings is located in linear time.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The line (from 1) a byte of the text is on.
    pub fn line(&self, at: usize) -> usize {
        self.starts.partition_point(|start| *start <= at).max(1)
    }

    /// The text of line `line` (from 1), without its line break.
    pub fn text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        text.get(start..end.max(start))
            .unwrap_or_default()
            .trim_end_matches('\r')
    }

    /// The place of a byte range of `text` in `file`.
    pub fn location(&self, file: &Path, text: &str, span: std::ops::Range<usize>) -> Location {
        let start = floor_char(text, span.start.min(text.len()));
        let line = self.line(start);
        let line_start = self.starts[line - 1];
        let column = text[line_start..start].chars().count() + 1;
        let end = floor_char(text, span.end.max(start).min(text.len()));
        let len = text[start..end].lines().next().unwrap_or_default().chars().count();
        Location {
            file: file.to_path_buf(),
            line,
            column,
            len,
        }
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
    /// What to do about it: mostly the same words for every finding of a
    /// kind, so those are not copied for each of thousands.
    pub help: Option<Cow<'static, str>>,
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

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
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
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.at.as_ref().map(|l| (l.line, l.column)), &a.code, &a.message).cmp(&(
            &b.file,
            b.at.as_ref().map(|l| (l.line, l.column)),
            &b.code,
            &b.message,
        ))
    });
    // A broken template breaks every page made with it: say so once.
    diagnostics.dedup();
}

/// File names are shown with forward slashes whatever the machine, as the
/// participation team sees them in their file browser.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
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
}
