//! Building an event from its file: when it starts and ends in the site's
//! time zone (across the clocks changing), where it is, who it is for and
//! how to go.

use jiff::civil::{DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Zoned, tz::AmbiguousZoned};

use super::fields::Fields;
use super::kinds::{Source, age_range, aliases, contact, groups};
use super::{Event, Item};
use crate::config::Config;
use crate::diagnostics::Diagnostic;

const FIELDS: &[&str] = &[
    "title",
    "summary",
    "start",
    "end",
    "place",
    "online",
    "ages",
    "for",
    "cost",
    "getting_there",
    "access",
    "booking",
    "contact",
    "aliases",
];

/// What an author writes for an event they need not book.
const JUST_TURN_UP: [&str; 4] = ["just turn up", "no need to book", "none", "no"];

pub(super) fn event(src: Source, config: &Config) -> (Item, Vec<Diagnostic>) {
    let mut f = Fields::new(src.file, &src.parsed, "an event", FIELDS);
    let zone = config.zone();
    let title = f.text("title");
    let summary = f.text("summary");
    let start = start(&mut f, &zone);
    let end = start.as_ref().and_then(|s| end(&mut f, &zone, s));
    let place = f.optional_text("place", false).unwrap_or_default();
    let online = f.yes_no("online");
    if place.is_empty() && !online {
        f.problems.push(
            Diagnostic::error("no-place", "this event does not say where it is")
                .at(f.location("title"))
                .label("add \"place\" to this front matter")
                .help("add a line \"place: ...\" with the place and its address, such as \"place: The Hub, 12 High Street\", or \"online: true\" if it happens online"),
        );
    }
    let ages = age_range(&mut f, false);
    let groups = groups(&mut f);
    let cost = f.optional_text("cost", false).unwrap_or_default();
    let getting_there = f.optional_text("getting_there", false).unwrap_or_default();
    let access = f.list("access", false);
    let booking = f
        .optional_text("booking", false)
        .filter(|b| !b.is_empty() && !JUST_TURN_UP.contains(&b.to_lowercase().trim_end_matches('.')));
    let contact = contact(&mut f, config);
    let aliases = aliases(&mut f, config);
    // A time that could not be read has been reported; the event is not built.
    let fallback = Zoned::new(jiff::Timestamp::UNIX_EPOCH, zone);
    let start = start.unwrap_or_else(|| fallback.clone());
    let end = end.unwrap_or_else(|| start.clone());
    let event = Event {
        origin: src.origin,
        slug: src.slug,
        title,
        summary,
        start,
        end,
        place,
        online,
        ages,
        groups,
        cost,
        getting_there,
        access,
        booking,
        contact,
        aliases,
        body: src.body,
    };
    (Item::Event(event), f.finish())
}

/// `start`: a day and a time, `2026-10-24 14:00`.
fn start(f: &mut Fields, zone: &TimeZone) -> Option<Zoned> {
    let text = time_text(f, "start")?;
    match text.replace('T', " ").parse::<DateTime>() {
        Ok(when) if text.len() >= 16 => in_zone(f, "start", when, zone),
        _ => {
            bad_time(f, "start", &text);
            None
        }
    }
}

/// `end`: a day and a time, or a time on the day it starts (`16:30`).
fn end(f: &mut Fields, zone: &TimeZone, start: &Zoned) -> Option<Zoned> {
    let text = time_text(f, "end")?;
    let when = match (text.replace('T', " ").parse::<DateTime>(), text.parse::<Time>()) {
        (Ok(when), _) if text.len() >= 16 => when,
        (_, Ok(time)) => start.date().to_datetime(time),
        _ => {
            bad_time(f, "end", &text);
            return None;
        }
    };
    let end = in_zone(f, "end", when, zone)?;
    if end <= *start {
        f.problems.push(
            Diagnostic::error("ends-before-start", "this event ends before it starts")
                .at(f.location("end"))
                .label(format!("it starts at {}", start.strftime("%H:%M on %-d %B %Y")))
                .help("check the \"start\" and \"end\" times: an event that goes past midnight needs the next day in \"end\", such as end: 2026-10-25 01:00"),
        );
        return None;
    }
    Some(end)
}

/// A time's words; a missing or empty one is reported.
fn time_text(f: &mut Fields, key: &str) -> Option<String> {
    f.optional_text(key, true).filter(|t| !t.is_empty())
}

fn bad_time(f: &mut Fields, key: &str, text: &str) {
    f.problems.push(
        Diagnostic::error("bad-time", format!("\"{text}\" is not a day and time that can be read"))
            .at(f.location(key))
            .label("write the day as year-month-day and the time on the 24-hour clock")
            .help(format!(
                "write it like this: {key}: 2026-10-24 14:00{}",
                if key == "end" {
                    ", or only the time (16:30) if it ends on the day it starts"
                } else {
                    ""
                }
            )),
    );
}

/// A time on the site's clock, as a moment: a time the clocks skip is an
/// error, and a time they pass twice is the first of the two.
fn in_zone(f: &mut Fields, key: &str, when: DateTime, zone: &TimeZone) -> Option<Zoned> {
    let ambiguous: AmbiguousZoned = zone.clone().into_ambiguous_zoned(when);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => {
            f.problems.push(
                Diagnostic::error(
                    "time-skipped",
                    format!(
                        "the clocks go forward on this day, so {} never happens",
                        when.strftime("%H:%M")
                    ),
                )
                .at(f.location(key))
                .help("choose a time an hour earlier or later"),
            );
            None
        }
        _ => ambiguous.compatible().ok(),
    }
}
