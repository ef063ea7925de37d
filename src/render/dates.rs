//! Days, months and an event's times as the theme's words in a language
//! write them: for the pages and for the printed newsletter alike.

use jiff::Zoned;
use jiff::civil::Date;

use super::strings::{Strings, month_names};
use crate::config::Period;
use crate::content::Event;

fn word<'k>(strings: &'k Strings, key: &'k str) -> &'k str {
    strings.get(key).map_or(key, String::as_str)
}

/// One of the theme's strings with each `{name}` replaced.
pub fn fill(words: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(words.to_string(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}

/// The name of a day's month, from the twelve in the strings file.
fn month(strings: &Strings, day: Date) -> &str {
    let index = usize::try_from(day.month() - 1).unwrap_or_default();
    month_names(word(strings, "months")).nth(index).unwrap_or_default()
}

/// "3 March 2026".
pub fn date(strings: &Strings, day: Date) -> String {
    fill(
        word(strings, "date"),
        &[
            ("day", &day.day().to_string()),
            ("month", month(strings, day)),
            ("year", &day.year().to_string()),
        ],
    )
}

/// "March 2026".
pub fn month_year(strings: &Strings, day: Date) -> String {
    fill(
        word(strings, "month_year"),
        &[("month", month(strings, day)), ("year", &day.year().to_string())],
    )
}

/// "October to December 2026" for a quarter, else its first and last days.
pub fn period(strings: &Strings, period: &Period) -> String {
    let whole_months = period.from.day() == 1 && period.to.tomorrow().is_ok_and(|d| d.day() == 1);
    let (from, to) = if whole_months && period.from.year() == period.to.year() {
        (month(strings, period.from).to_string(), month_year(strings, period.to))
    } else if whole_months {
        (month_year(strings, period.from), month_year(strings, period.to))
    } else {
        (date(strings, period.from), date(strings, period.to))
    };
    fill(word(strings, "news_period"), &[("from", &from), ("to", &to)])
}

/// "Saturday 24 October 2026, 2pm to 4:30pm"; an event over more than a
/// day names the day it ends too.
pub fn when(strings: &Strings, e: &Event) -> String {
    let (start, end) = (clock(strings, &e.start), clock(strings, &e.end));
    if e.start.date() == e.end.date() {
        fill(
            word(strings, "event_when"),
            &[("day", &day(strings, &e.start)), ("from", &start), ("to", &end)],
        )
    } else {
        fill(
            word(strings, "event_when_days"),
            &[
                ("day", &day(strings, &e.start)),
                ("from", &start),
                ("end_day", &day(strings, &e.end)),
                ("to", &end),
            ],
        )
    }
}

/// "Saturday 24 October 2026".
fn day(strings: &Strings, when: &Zoned) -> String {
    let weekday = usize::try_from(when.weekday().to_monday_zero_offset()).unwrap_or_default();
    let name = month_names(word(strings, "weekdays")).nth(weekday).unwrap_or_default();
    format!("{name} {}", date(strings, when.date()))
}

/// A time of day on the language's clock: "2pm", "4:30pm" or "14:00".
fn clock(strings: &Strings, when: &Zoned) -> String {
    let (hour, minute) = (when.hour(), when.minute());
    if word(strings, "clock") == "24" {
        return format!("{hour:02}:{minute:02}");
    }
    let half = if hour < 12 {
        word(strings, "am")
    } else {
        word(strings, "pm")
    };
    let hour = match hour % 12 {
        0 => 12,
        h => h,
    };
    match minute {
        0 => format!("{hour}{half}"),
        m => format!("{hour}:{m:02}{half}"),
    }
}
