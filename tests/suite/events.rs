//! Events: the calendar files read back with a calendar library and held
//! to RFC 5545, times across the clocks changing, What's on and the event
//! pages, and the mistakes `check` reports in an event's file.

use std::collections::BTreeMap;

use icalendar::parser::{Component, read_calendar, unfold};
use jiff::civil::DateTime;
use jiff::tz::Offset;
use promise::{Options, render_site};
use scraper::Selector;
use serde_json::Value;

use crate::common::{self, check_on as check, page};

/// A day the example's first event is over and the others are to come.
const TODAY: &str = "2026-10-15";

fn built(today: &str) -> BTreeMap<String, Vec<u8>> {
    let options = Options {
        leaflets: false,
        today: today.parse().unwrap(),
        ..Options::default()
    };
    render_site(&common::example(), &options)
        .expect("the example site builds")
        .outputs
}

fn calendars(outputs: &BTreeMap<String, Vec<u8>>) -> Vec<(&String, String)> {
    outputs
        .iter()
        .filter(|(path, _)| path.ends_with(".ics"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes.clone()).unwrap()))
        .collect()
}

fn value<'a>(c: &'a Component, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{} has no {name}", c.name.as_str()))
        .val
        .as_str()
}

fn param<'a>(c: &'a Component, name: &str, key: &str) -> Option<&'a str> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key.as_str() == key)
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str())
}

fn offset(text: &str) -> Offset {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let hours: i32 = text[1..3].parse().unwrap();
    let minutes: i32 = text[3..5].parse().unwrap();
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).unwrap()
}

fn local(text: &str) -> DateTime {
    DateTime::strptime("%Y%m%dT%H%M%S", text).unwrap()
}

/// The moment a local time in the calendar is, found from the calendar's
/// own VTIMEZONE: the observance that started last before it gives its
/// offset. Nothing here asks a time zone database.
fn moment(zone: &Component, when: &str) -> jiff::Timestamp {
    let when = local(when);
    let observance = zone
        .components
        .iter()
        .filter(|o| local(value(o, "DTSTART")) <= when)
        .max_by_key(|o| local(value(o, "DTSTART")))
        .expect("an observance in force");
    when.to_zoned(jiff::tz::TimeZone::fixed(offset(value(observance, "TZOFFSETTO"))))
        .unwrap()
        .timestamp()
}

/// What RFC 5545 requires of the calendars promise writes: CRLF lines of at
/// most 75 octets; VERSION and PRODID; each event's UID, DTSTAMP in UTC and
/// DTSTART before DTEND; every TZID a VTIMEZONE of the file defines, with
/// its observances' DTSTART and offsets.
fn valid(path: &str, text: &str) {
    assert!(text.ends_with("\r\n"), "{path}");
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "{path}: a bare line feed in {line:?}");
        assert!(line.len() <= 75, "{path}: a line of {} octets: {line}", line.len());
    }
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{path}: {e}"));
    let top = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str())
    };
    assert_eq!(top("VERSION"), Some("2.0"), "{path}");
    assert!(top("PRODID").is_some_and(|p| !p.is_empty()), "{path}");
    let zones: Vec<&Component> = calendar.components.iter().filter(|c| c.name == "VTIMEZONE").collect();
    for zone in &zones {
        assert!(!value(zone, "TZID").is_empty());
        assert!(!zone.components.is_empty(), "{path}: a VTIMEZONE with no observance");
        for o in &zone.components {
            assert!(
                o.name == "STANDARD" || o.name == "DAYLIGHT",
                "{path}: {}",
                o.name.as_str()
            );
            local(value(o, "DTSTART"));
            offset(value(o, "TZOFFSETFROM"));
            offset(value(o, "TZOFFSETTO"));
        }
    }
    let events: Vec<&Component> = calendar.components.iter().filter(|c| c.name == "VEVENT").collect();
    assert!(!events.is_empty() || !path.ends_with(".ics"), "{path}");
    for e in events {
        assert!(value(e, "UID").contains('@'), "{path}");
        let stamp = value(e, "DTSTAMP");
        assert!(stamp.ends_with('Z'), "{path}: DTSTAMP {stamp} is not in UTC");
        for field in ["DTSTART", "DTEND"] {
            let tzid = param(e, field, "TZID").unwrap_or_else(|| panic!("{path}: {field} has no TZID"));
            let zone = zones
                .iter()
                .find(|z| value(z, "TZID") == tzid)
                .unwrap_or_else(|| panic!("{path}: no VTIMEZONE for {tzid}"));
            moment(zone, value(e, field));
        }
        assert!(local(value(e, "DTSTART")) < local(value(e, "DTEND")), "{path}");
    }
}

#[test]
fn every_calendar_reads_back_and_keeps_to_rfc_5545() {
    let outputs = built(TODAY);
    let files = calendars(&outputs);
    // Five events, the site's calendar and three bands', in two languages.
    assert_eq!(
        files.len(),
        2 * (5 + 1 + 3),
        "{:?}",
        files.iter().map(|f| f.0).collect::<Vec<_>>()
    );
    for (path, text) in &files {
        valid(path, text);
    }
    let site = &outputs["events/calendar.ics"];
    let site = String::from_utf8_lossy(site);
    assert_eq!(
        site.matches("BEGIN:VEVENT").count(),
        5,
        "past events stay in a subscribed calendar"
    );
    // Only the events for 12 to 15 year olds are in their calendar.
    let band = String::from_utf8_lossy(&outputs["12-15/calendar.ics"]);
    let uids: Vec<&str> = band.lines().filter_map(|l| l.strip_prefix("UID:")).collect();
    assert_eq!(
        uids,
        [
            "pumpkin-carving@promise.westmere.example",
            "sleepover@promise.westmere.example",
            "football-and-pizza@promise.westmere.example",
            "winter-party@promise.westmere.example"
        ]
    );
}

#[test]
fn the_night_the_clocks_go_back_lasts_an_hour_longer() {
    let outputs = built(TODAY);
    let text = unfold(std::str::from_utf8(&outputs["events/sleepover/sleepover.ics"]).unwrap());
    let calendar = read_calendar(&text).unwrap();
    let zone = calendar.components.iter().find(|c| c.name == "VTIMEZONE").unwrap();
    assert_eq!(value(zone, "TZID"), "Europe/London");
    let event = calendar.components.iter().find(|c| c.name == "VEVENT").unwrap();
    // 5pm on Saturday is in summer time; 10am on Sunday is after the clocks
    // went back at 2am: 17 hours on the clock, 18 in fact.
    let start = moment(zone, value(event, "DTSTART"));
    let end = moment(zone, value(event, "DTEND"));
    assert_eq!(start.to_string(), "2026-10-24T16:00:00Z");
    assert_eq!(end.to_string(), "2026-10-25T10:00:00Z");
    assert_eq!(end.duration_since(start).as_hours(), 18);
    assert_eq!(value(event, "DTSTAMP"), "20261024T160000Z");
    // The same content gives the same file: nothing in it is the build's time.
    let again = built("2026-12-07");
    assert_eq!(
        outputs["events/sleepover/sleepover.ics"],
        again["events/sleepover/sleepover.ics"]
    );
}

#[test]
fn whats_on_lists_what_is_to_come_and_a_past_event_says_it_is_over() {
    let outputs = built(TODAY);
    let whats_on = page(&outputs, "events/index.html");
    let titles: Vec<String> = whats_on
        .select(&Selector::parse(".card-title").unwrap())
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        titles,
        [
            "Sleepover at Brackenwood",
            "Money for your first home",
            "Football and pizza",
            "Winter party"
        ]
    );
    let months: Vec<String> = whats_on
        .select(&Selector::parse("main h2").unwrap())
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(months[..3], ["October 2026", "November 2026", "December 2026"]);
    let subscribe = whats_on
        .select(&Selector::parse("a[href^='webcal://']").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        subscribe.value().attr("href"),
        Some("webcal://promise.westmere.example/events/calendar.ics")
    );

    let past = page(&outputs, "events/pumpkin-carving/index.html");
    let notice: String = past
        .select(&Selector::parse(".notice").unwrap())
        .flat_map(|n| n.text())
        .collect();
    assert_eq!(notice, "This has already happened.");
    assert!(
        past.select(&Selector::parse("a[href$='.ics']").unwrap())
            .next()
            .is_none()
    );

    let sleepover = page(&outputs, "events/sleepover/index.html");
    let time = sleepover.select(&Selector::parse("dd time").unwrap()).next().unwrap();
    assert_eq!(time.value().attr("datetime"), Some("2026-10-24T17:00+01:00"));
    assert_eq!(
        time.text().collect::<String>(),
        "Saturday 24 October 2026, 5pm, to Sunday 25 October 2026, 10am"
    );
    let add = sleepover
        .select(&Selector::parse("a[href$='.ics']").unwrap())
        .next()
        .unwrap();
    assert_eq!(add.value().attr("href"), Some("../../events/sleepover/sleepover.ics"));

    // The youngest band sees only what it can go to; the home page the next three.
    let young = page(&outputs, "0-11/index.html");
    let coming: Vec<String> = young
        .select(&Selector::parse("#coming-up ~ ul .card-title").unwrap())
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(coming, ["Winter party"]);
    let home = page(&outputs, "index.html");
    assert_eq!(
        home.select(&Selector::parse("#coming-up ~ ul .card").unwrap()).count(),
        3
    );

    // The Arabic pages write times on the 24-hour clock.
    let arabic = page(&outputs, "ar/events/sleepover/index.html");
    let time: String = arabic
        .select(&Selector::parse("dd time").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(time.contains("17:00") && time.contains("10:00"), "{time}");
}

fn found<'a>(found: &'a [Value], code: &str) -> &'a Value {
    found
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {found:#?}"))
}

#[test]
fn check_reports_each_mistake_in_an_event_at_its_line() {
    let dir = common::copy_of_example();
    let events = dir.path().join("content/events");
    common::replace(&events.join("football-and-pizza.md"), "end: 14:00", "end: 10:00");
    common::replace(
        &events.join("pumpkin-carving.md"),
        "place: The Hub, 12 Market Street, Westmere\n",
        "",
    );
    common::replace(
        &events.join("sleepover.md"),
        "start: 2026-10-24 17:00",
        "start: 2027-03-28 01:30",
    );
    let (code, all) = check(dir.path(), TODAY);
    assert_eq!(code, 1);
    let ends = found(&all, "ends-before-start");
    assert_eq!(
        (ends["file"].as_str(), ends["line"].as_u64()),
        (Some("events/football-and-pizza.md"), Some(5))
    );
    assert!(ends["help"].as_str().unwrap().contains("the next day"));
    let place = found(&all, "no-place");
    assert_eq!(place["file"], "events/pumpkin-carving.md");
    assert!(place["help"].as_str().unwrap().contains("online: true"));
    let skipped = found(&all, "time-skipped");
    assert_eq!(
        (skipped["file"].as_str(), skipped["line"].as_u64()),
        (Some("events/sleepover.md"), Some(4))
    );
    assert!(skipped["message"].as_str().unwrap().contains("01:30 never happens"));

    // A booking that cannot be followed is found once the files load.
    let dir = common::copy_of_example();
    let events = dir.path().join("content/events");
    common::replace(
        &events.join("winter-party.md"),
        "booking: 0113 496 0101",
        "booking: javascript:alert(1)",
    );
    common::replace(
        &events.join("money-for-your-first-home.md"),
        "booking: https://westmere.example/book/first-home",
        "booking: ring us",
    );
    let (code, all) = check(dir.path(), TODAY);
    assert_eq!(code, 1);
    let bookings: Vec<(&str, u64)> = all
        .iter()
        .filter(|d| d["code"] == "bad-booking")
        .map(|d| (d["file"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        bookings,
        [
            ("events/money-for-your-first-home.md", 12),
            ("events/winter-party.md", 13)
        ]
    );
}

#[test]
fn a_list_written_by_hand_that_still_links_to_a_past_event_is_reported() {
    let dir = common::copy_of_example();
    let about = dir.path().join("content/pages/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(
        &about,
        format!("{text}\n## Coming up\n\n- [Pumpkin carving](/events/pumpkin-carving/)\n"),
    )
    .unwrap();
    let (_, before) = check(dir.path(), "2026-10-09");
    assert!(before.iter().all(|d| d["code"] != "past-event"));
    let (code, after) = check(dir.path(), TODAY);
    assert_eq!(code, 0, "a warning: the build goes on");
    let past = found(&after, "past-event");
    assert_eq!(past["file"], "pages/about.md");
    assert_eq!(past["line"].as_u64().unwrap() as usize, text.lines().count() + 4);
    assert!(past["message"].as_str().unwrap().contains("2026-10-10"));
}

#[test]
fn an_unknown_time_zone_is_refused_with_the_nearest_name() {
    let dir = common::copy_of_example();
    common::replace(
        &dir.path().join("content/site.toml"),
        "language = \"en-GB\"\n",
        "language = \"en-GB\"\ntime_zone = \"Europe/Londn\"\n",
    );
    let (code, all) = check(dir.path(), TODAY);
    assert_eq!(code, 1);
    let zone = found(&all, "unknown-time-zone");
    assert_eq!(
        (zone["file"].as_str(), zone["line"].as_u64()),
        (Some("site.toml"), Some(8))
    );
    assert!(
        zone["help"]
            .as_str()
            .unwrap()
            .contains("did you mean \"Europe/London\"?")
    );
}
