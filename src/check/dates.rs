//! Dates that cannot be right yet: a local offer entry reviewed, or a
//! message said, on a day that has not come. Usually the year or the month
//! and day are typed the wrong way round.

use jiff::civil::Date;

use crate::content::front_matter::field_location;
use crate::content::{Origin, Site};
use crate::diagnostics::Diagnostic;

pub fn check(site: &Site, today: Date) -> Vec<Diagnostic> {
    let reviews = site.offer.iter().map(|e| (&e.origin, "reviewed", e.reviewed));
    let messages = site.messages.iter().map(|m| (&m.origin, "said", m.said));
    reviews
        .chain(messages)
        .filter(|(_, _, date)| *date > today)
        .map(|(origin, field, date)| future(origin, field, date))
        .collect()
}

fn future(origin: &Origin, field: &str, date: Date) -> Diagnostic {
    Diagnostic::warning(
        "future-date",
        format!("\"{field}\" is {date}, a day that has not come yet"),
    )
    .at(field_location(&origin.file, &origin.front, origin.front_line, field))
    .label("in the future")
    .help(format!(
        "write the day it really happened, as year-month-day: {field}: 2026-03-31"
    ))
}
