//! Calendar files (RFC 5545): one `.ics` for each event, for "Add to my
//! calendar", and calendars a phone can subscribe to, for the whole site
//! and for each band. Times are written on the site's clock with a
//! VTIMEZONE that says when its clocks change, so an event on the day they
//! change is at the right hour in every calendar app.

use ics::components::Property;
use ics::parameters::TzIDParam;
use ics::properties::{Contact, Description, DtEnd, DtStart, Location, Summary, TzName, URL};
use ics::{Daylight, ICalendar, Standard, TimeZone as ZoneComponent, escape_text};
use jiff::tz::{Offset, TimeZone};
use jiff::{ToSpan, Zoned};

use super::urls::Target;
use crate::content::{Event, Site};

/// What the calendar files of one language's site are called and say.
pub struct Words<'a> {
    /// The calendar's name in a phone's list of calendars: the site's
    /// title, never what the site is about.
    pub name: &'a str,
    /// "Online", for an event with no place.
    pub online: &'a str,
}

/// The file an event's calendar entry is written to, inside its page's
/// folder: `events/pizza-night/pizza-night.ics`.
pub fn event_file(event: &Event) -> String {
    format!("{}{}.ics", Target::Event(event.slug.clone()).path(), event.slug)
}

/// The calendar of every event, and of those for one band.
pub fn site_file() -> String {
    format!("{}calendar.ics", Target::Events.path())
}

pub fn band_file(band: &str) -> String {
    format!("{}calendar.ics", Target::Band(band.to_string()).path())
}

/// Every calendar file of `site` (one language's), by its path from the
/// site's root; `prefix` is where the language's pages live ("" or `ar/`).
pub fn files(site: &Site, base_url: &str, prefix: &str, words: &Words) -> Vec<(String, Vec<u8>)> {
    if site.events.is_empty() {
        return Vec::new();
    }
    let write = |events: &[&Event], name: &str| calendar(site, events, name, base_url, prefix, words).into_bytes();
    let all: Vec<&Event> = site.events.iter().collect();
    let mut files: Vec<(String, Vec<u8>)> = site
        .events
        .iter()
        .map(|e| (format!("{prefix}{}", event_file(e)), write(&[e], &e.title)))
        .collect();
    files.push((format!("{prefix}{}", site_file()), write(&all, words.name)));
    for band in &site.config.bands {
        let ages = band.ages();
        let theirs: Vec<&Event> = all.iter().copied().filter(|e| e.is_for(&ages)).collect();
        let name = format!("{} – {}", words.name, band.label);
        files.push((format!("{prefix}{}", band_file(&band.id)), write(&theirs, &name)));
    }
    files
}

fn calendar(site: &Site, events: &[&Event], name: &str, base_url: &str, prefix: &str, words: &Words) -> String {
    let zone = site.config.zone();
    let contacts = &site.config.contacts;
    let mut calendar = ICalendar::new("2.0", "-//promise//What's on//EN");
    calendar.push(Property::new("CALSCALE", "GREGORIAN"));
    calendar.push(Property::new("X-WR-CALNAME", escape_text(name.to_string())));
    // A subscribed calendar asks again each day (RFC 7986, and Outlook's own).
    calendar.push(Property::new("REFRESH-INTERVAL;VALUE=DURATION", "P1D"));
    calendar.push(Property::new("X-PUBLISHED-TTL", "P1D"));
    let zone_name = zone.iana_name().unwrap_or("UTC");
    if let Some(component) = timezone(&zone, zone_name, events) {
        calendar.add_timezone(component);
    }
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split('/')
        .next()
        .unwrap_or_default();
    for e in events {
        let url = Target::Event(e.slug.clone()).url_in(base_url, prefix);
        // The same event in every language and every calendar is one event.
        let mut entry = ics::Event::new(format!("{}@{host}", e.slug), utc(&e.start));
        let mut start = DtStart::new(local(&e.start));
        start.add(TzIDParam::new(zone_name));
        entry.push(start);
        let mut end = DtEnd::new(local(&e.end));
        end.add(TzIDParam::new(zone_name));
        entry.push(end);
        entry.push(Summary::new(escape_text(e.title.clone())));
        entry.push(Description::new(escape_text(format!("{}\n\n{url}", e.summary))));
        let place = if e.place.is_empty() { words.online } else { &e.place };
        entry.push(Location::new(escape_text(place.to_string())));
        entry.push(URL::new(url));
        if let Some(c) = contacts.get(&e.contact) {
            let how = [c.name.as_str(), &c.phone, &c.email]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            entry.push(Contact::new(escape_text(how)));
        }
        calendar.add_event(entry);
    }
    folded(&calendar.to_string())
}

/// The calendar with each long line folded so that no line, with the space
/// that begins a continuation, passes 75 octets (RFC 5545 §3.1): the `ics`
/// crate folds after 75 octets and then adds the space, making lines of 76
/// that strict calendar apps and validators refuse.
fn folded(written: &str) -> String {
    let mut out = String::with_capacity(written.len() + written.len() / 64);
    for line in written.replace("\r\n ", "").split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = 75;
        loop {
            let mut cut = rest.len().min(limit);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n");
            rest = &rest[cut..];
            if rest.is_empty() {
                break;
            }
            out.push(' ');
            limit = 74;
        }
    }
    out
}

/// A time on the site's clock, as a calendar writes it with its TZID.
fn local(when: &Zoned) -> String {
    when.datetime().strftime("%Y%m%dT%H%M%S").to_string()
}

/// A moment in UTC, as DTSTAMP is written. An event's is its start: a
/// stamp taken from the content, so the same content gives the same file.
fn utc(when: &Zoned) -> String {
    when.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn offset(o: Offset) -> String {
    let seconds = o.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// The zone's changes of clock from the one in force when the first event
/// starts to the last before the last event ends: what a calendar app needs
/// to place each time, written as the observances of RFC 5545 §3.6.5.
fn timezone<'a>(zone: &TimeZone, name: &'a str, events: &[&Event]) -> Option<ZoneComponent<'a>> {
    let first = events.iter().map(|e| e.start.timestamp()).min()?;
    let last = events.iter().map(|e| e.end.timestamp()).max()?;
    let in_force = zone.preceding(first.checked_add(1.nanosecond()).ok()?).next();
    let changes = in_force
        .into_iter()
        .chain(zone.following(first).take_while(|t| t.timestamp() <= last));
    let mut component: Option<ZoneComponent> = None;
    for change in changes {
        let at = change.timestamp();
        let before = zone.to_offset(at.checked_sub(1.second()).ok()?);
        // DTSTART is when the clocks change, on the clock before they do.
        let start = local(&at.to_zoned(TimeZone::fixed(before)));
        let abbreviation = TzName::new(change.abbreviation().to_string());
        if change.dst().is_dst() {
            let mut daylight = Daylight::new(start, offset(before), offset(change.offset()));
            daylight.push(abbreviation);
            match component.as_mut() {
                Some(c) => c.add_daylight(daylight),
                None => component = Some(ZoneComponent::daylight(name, daylight)),
            }
        } else {
            let mut standard = Standard::new(start, offset(before), offset(change.offset()));
            standard.push(abbreviation);
            match component.as_mut() {
                Some(c) => c.add_standard(standard),
                None => component = Some(ZoneComponent::standard(name, standard)),
            }
        }
    }
    // A zone whose clock never changes (UTC) has one observance, always.
    component.or_else(|| {
        let now = offset(zone.to_offset(first));
        Some(ZoneComponent::standard(
            name,
            Standard::new("19700101T000000", now.clone(), now),
        ))
    })
}
