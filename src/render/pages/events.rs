//! "What's on": the events to come, month by month, and each event's page,
//! which stays at its address once the event is over and says so.

use jiff::Zoned;
use serde::Serialize;

use super::Foreign;
use super::about::ContactCard;
use super::frame::Meta;
use super::pager::{self, Pager};
use super::{PageJob, Planner};
use crate::config::Band;
use crate::content::Event;
use crate::render::calendar;
use crate::render::markdown::to_html;
use crate::render::strings::{groups_sentence, month_names};
use crate::render::urls::{Address, Links, Target};

/// How many events a band's page and the home page show, soonest first.
pub(super) const COMING_UP: usize = 3;

/// An event in a list: the whole card is one link to its page.
#[derive(Serialize)]
pub(super) struct EventCard<'a> {
    title: &'a str,
    summary: &'a str,
    href: String,
    when: String,
    start_iso: String,
    place: &'a str,
    online: bool,
    foreign: Option<Foreign<'a>>,
}

#[derive(Serialize)]
struct Month<'a> {
    title: String,
    events: Vec<EventCard<'a>>,
}

/// A page of "What's on".
#[derive(Serialize)]
struct EventsPage<'a> {
    months: Vec<Month<'a>>,
    first: bool,
    pager: Option<Pager>,
    calendar: CalendarLinks,
}

/// Where to get the events into a phone's calendar: a file to subscribe
/// to (webcal://, which a phone opens in its calendar app) and the same
/// file to download.
#[derive(Serialize)]
pub(super) struct CalendarLinks {
    subscribe: String,
    download: String,
}

/// An event's own page.
#[derive(Serialize)]
struct EventPage<'a> {
    event: EventDetail<'a>,
    contact: Option<ContactCard<'a>>,
}

#[derive(Serialize)]
struct EventDetail<'a> {
    when: String,
    start_iso: String,
    end_iso: String,
    past: bool,
    place: &'a str,
    online: bool,
    /// Who it is for, as a sentence; empty when it is for everyone.
    who: String,
    cost: &'a str,
    getting_there: &'a str,
    access: &'a [String],
    /// Where to book, as a link; none to just turn up.
    booking: Option<String>,
    summary: &'a str,
    html: String,
    ics_href: String,
}

impl Planner<'_> {
    pub(super) fn events(&self, page: usize) -> PageJob {
        let list = Target::Events;
        let target = list.page(page);
        let links = self.links(&target);
        let upcoming = &self.index.upcoming;
        let pages = pager::count(upcoming.len(), pager::CARDS);
        let mut months: Vec<Month> = Vec::new();
        for &i in pager::slice(upcoming, page, pager::CARDS) {
            let e = &self.site.events[i];
            let title = self.month_year(e.start.date());
            if months.last().is_none_or(|m| m.title != title) {
                months.push(Month {
                    title,
                    events: Vec::new(),
                });
            }
            if let Some(month) = months.last_mut() {
                month.events.push(self.event_card(e, &links));
            }
        }
        let content = EventsPage {
            months,
            first: page == 1,
            pager: self.pager(&links, &list, page, pages),
            calendar: self.calendar_links(&links, &calendar::site_file()),
        };
        let title = self.paged_title(self.word("events_title"), page, pages);
        let meta = Meta {
            crumbs: self.first_page(&links, self.word("events_title"), &list, page),
            ..Meta::new(target, "events.html", &title)
        };
        self.framed(meta, content)
    }

    pub(super) fn event(&self, e: &Event, target: Target) -> PageJob {
        let links = self.links(&target);
        let who = match (e.ages, e.groups.is_empty()) {
            (None, true) => String::new(),
            (ages, _) => {
                let ages = ages.map(|a| {
                    fill(
                        self.word("event_ages"),
                        &[("from", &a.from.to_string()), ("to", &a.to.to_string())],
                    )
                });
                let groups = (!e.groups.is_empty()).then(|| {
                    fill(
                        self.word("only_for"),
                        &[("groups", &groups_sentence(self.strings, &e.groups))],
                    )
                });
                ages.into_iter().chain(groups).collect::<Vec<_>>().join(". ")
            }
        };
        let booking = e.booking.as_ref().map(|b| booking_href(b));
        let content = EventPage {
            event: EventDetail {
                when: self.when(e),
                start_iso: iso(&e.start),
                end_iso: iso(&e.end),
                past: e.is_past(self.today),
                place: &e.place,
                online: e.online,
                who,
                cost: &e.cost,
                getting_there: &e.getting_there,
                access: &e.access,
                booking,
                summary: &e.summary,
                html: to_html(&e.body, &links, self.pictures, None),
                ics_href: links.file(&format!("{}{}", self.prefix, calendar::event_file(e))),
            },
            contact: self.site.config.contacts.get(&e.contact).map(|c| self.contact(c)),
        };
        let meta = Meta {
            crumbs: vec![self.crumb(&links, self.word("events_title"), Target::Events)],
            content_foreign: self.foreign(&e.origin),
            original_changed: e.origin.original_changed,
            summary: Some(&e.summary),
            ..Meta::new(target, "event.html", &e.title)
        };
        self.framed(meta, content)
    }

    pub(super) fn event_card<'e>(&'e self, e: &'e Event, links: &Links) -> EventCard<'e> {
        EventCard {
            title: &e.title,
            summary: &e.summary,
            href: links.to(&Target::Event(e.slug.clone())),
            when: self.when(e),
            start_iso: iso(&e.start),
            place: &e.place,
            online: e.online,
            foreign: self.foreign(&e.origin),
        }
    }

    /// The next events a band's readers may go to (all bands' for none).
    pub(super) fn coming_up(&self, band: Option<&Band>, links: &Links) -> Vec<EventCard<'_>> {
        self.index
            .upcoming
            .iter()
            .map(|&i| &self.site.events[i])
            .filter(|e| band.is_none_or(|b| e.is_for(&b.ages())))
            .take(COMING_UP)
            .map(|e| self.event_card(e, links))
            .collect()
    }

    /// A calendar file's links, from its path in the site's language.
    pub(super) fn calendar_links(&self, links: &Links, file: &str) -> CalendarLinks {
        let path = format!("{}{file}", self.prefix);
        let address = format!("{}{path}", self.base_url);
        CalendarLinks {
            subscribe: address
                .split_once("://")
                .map_or(address.clone(), |(_, rest)| format!("webcal://{rest}")),
            download: links.file(&path),
        }
    }

    /// "Saturday 24 October 2026, 2pm to 4:30pm", in the pages' language;
    /// an event over more than a day names the day it ends too.
    fn when(&self, e: &Event) -> String {
        let (start, end) = (self.clock(&e.start), self.clock(&e.end));
        if e.start.date() == e.end.date() {
            fill(
                self.word("event_when"),
                &[("day", &self.day(&e.start)), ("from", &start), ("to", &end)],
            )
        } else {
            fill(
                self.word("event_when_days"),
                &[
                    ("day", &self.day(&e.start)),
                    ("from", &start),
                    ("end_day", &self.day(&e.end)),
                    ("to", &end),
                ],
            )
        }
    }

    /// "Saturday 24 October 2026".
    fn day(&self, when: &Zoned) -> String {
        let weekday = usize::try_from(when.weekday().to_monday_zero_offset()).unwrap_or_default();
        let name = month_names(self.word("weekdays")).nth(weekday).unwrap_or_default();
        format!("{name} {}", self.date(when.date()))
    }

    /// A time on the clock the pages' language reads: "2pm", "4:30pm",
    /// or "16:30" where the strings say `clock = "24"`.
    fn clock(&self, when: &Zoned) -> String {
        let (hour, minute) = (when.hour(), when.minute());
        if self.word("clock") == "24" {
            return format!("{hour:02}:{minute:02}");
        }
        let half = if hour < 12 { self.word("am") } else { self.word("pm") };
        let hour = match hour % 12 {
            0 => 12,
            h => h,
        };
        match minute {
            0 => format!("{hour}{half}"),
            m => format!("{hour}:{m:02}{half}"),
        }
    }
}

/// A time as `<time datetime>` reads it, with its offset.
fn iso(when: &Zoned) -> String {
    when.strftime("%Y-%m-%dT%H:%M%:z").to_string()
}

/// Where a booking leads: a web address as it is, an email address or a
/// phone number as a link that opens the app for it.
fn booking_href(booking: &str) -> String {
    match Address::of(booking) {
        Address::Site if booking.contains('@') => format!("mailto:{booking}"),
        Address::Site if crate::phone::parse(booking).is_ok() => format!("tel:{}", booking.replace(' ', "")),
        _ => booking.to_string(),
    }
}

/// One of the theme's strings with each `{name}` replaced.
fn fill(words: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(words.to_string(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}
