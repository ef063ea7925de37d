//! `[checks]` and `[accessibility]`: what `promise check` holds the pages
//! to, and the last manual audit for the accessibility statement.

use serde::Deserialize;
use toml::Spanned;

/// Settings for `promise check`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Checks {
    /// The band whose reading targets apply to what every age reads: the
    /// local offer, the messages and the other pages. The middle band when
    /// not set.
    pub shared_band: Option<Spanned<String>>,
    /// Who readers tell about a problem using the site: a key of `[contacts]`,
    /// named in the accessibility statement.
    pub accessibility_contact: Option<Spanned<String>>,
}

/// The last manual accessibility audit, for the accessibility statement:
/// without one the site claims no more than partial compliance, because
/// automated checks cannot find every problem.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Accessibility {
    /// The day the audit was finished: `audited = 2026-05-01`.
    pub audited: Option<Spanned<toml::value::Datetime>>,
    /// Who did it: "the Digital Accessibility Centre".
    pub by: Option<String>,
}

impl Accessibility {
    /// The audit's day and who did it, when both are written.
    pub fn audit(&self) -> Option<(jiff::civil::Date, &str)> {
        let date = self.audited.as_ref()?.get_ref().date?;
        let day = jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).ok()?;
        Some((day, self.by.as_deref().filter(|b| !b.trim().is_empty())?))
    }
}
