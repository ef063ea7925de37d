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
use crate::render::dates::{self, fill};
use crate::render::markdown::to_html;
use crate::render::strings::groups_sentence;
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
                when: dates::when(self.strings, e),
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
            when: dates::when(self.strings, e),
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
