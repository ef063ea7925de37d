//! Drafts and dates: `draft: true` keeps a file off the site, `from:` and
//! `until:` publish and withdraw it on those days, at the first build on or
//! after them. Any kind of content file can have them.

use std::path::Path;

use jiff::civil::Date;

use super::fields::Fields;
use super::front_matter::Parsed;
use crate::diagnostics::{Diagnostic, Severity};

/// The fields every kind of file may have, beside its own.
pub const FIELDS: [&str; 3] = ["draft", "from", "until"];

/// Why a file is not on the site today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    Draft,
    /// Its `from` day has not come.
    NotYet(Date),
    /// Its `until` day has come: it was on the site before.
    Withdrawn(Date),
}

/// Whether the file at `file` is held back on `today`, or the mistakes in
/// its dates.
pub fn hold(file: &Path, parsed: &Parsed, today: Date) -> Result<Option<Hold>, Vec<Diagnostic>> {
    let mut f = Fields::new(file, parsed, "a file", &FIELDS);
    let draft = f.yes_no("draft");
    let from = parsed.values.contains_key("from").then(|| f.date("from")).flatten();
    let until = parsed.values.contains_key("until").then(|| f.date("until")).flatten();
    if let (Some(from), Some(until)) = (from, until)
        && until <= from
    {
        f.problems.push(
            Diagnostic::error(
                "until-before-from",
                format!("\"until\" is {until}, before \"from\" ({from})"),
            )
            .at(f.location("until"))
            .label("the page would never be on the site")
            .help(
                "\"from\" is the first day it is on the site and \"until\" the day it comes off: check which is which",
            ),
        );
    }
    if !f.problems.is_empty() {
        return Err(f.problems);
    }
    Ok(if draft {
        Some(Hold::Draft)
    } else if let Some(from) = from.filter(|from| today < *from) {
        Some(Hold::NotYet(from))
    } else {
        until.filter(|until| today >= *until).map(Hold::Withdrawn)
    })
}

/// What `check` and `build` say of a file held back, at its file.
pub fn said(file: &Path, title: &str, hold: &Hold, leads_to: &str) -> Diagnostic {
    let (code, message, help) = match hold {
        Hold::Draft => (
            "draft",
            format!("\"{title}\" is a draft, so it is not on the site"),
            "take out \"draft: true\" when it is ready to publish".to_string(),
        ),
        Hold::NotYet(from) => (
            "not-yet",
            format!("\"{title}\" goes on the site on {from}"),
            "it is published by the first build on or after that day".to_string(),
        ),
        Hold::Withdrawn(until) => (
            "withdrawn",
            format!("\"{title}\" came off the site on {until}"),
            format!("its address, and any QR code printed with it, now leads to {leads_to}"),
        ),
    };
    Diagnostic::warning(code, message).in_file(file).help(help)
}

/// A draft's mistakes, said as warnings: a draft is not published, so it
/// never stops a build, but its author sees what to fix before it is.
pub fn as_warnings(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|mut d| {
            d.severity = Severity::Warning;
            d
        })
        .collect()
}
