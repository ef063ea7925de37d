//! Events: a booking that cannot be followed, and a hand-written list
//! that still sends readers to an event that is over.

use jiff::civil::Date;
use pulldown_cmark::{Event as Markdown, Parser, Tag};

use super::Doc;
use crate::content::front_matter::field_location;
use crate::content::{Event, Site};
use crate::diagnostics::Diagnostic;
use crate::render::urls::{Address, Target, resolve};

pub fn check(site: &Site, docs: &[Doc], today: Date) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = site.events.iter().filter_map(booking).collect();
    let past: Vec<(String, &Event)> = site
        .events
        .iter()
        .filter(|e| e.is_past(today))
        .map(|e| (Target::Event(e.slug.clone()).file(), e))
        .collect();
    if past.is_empty() {
        return found;
    }
    for doc in docs.iter().filter(|d| !matches!(d.target, Target::Event(_))) {
        for (item, range) in Parser::new(doc.body).into_offset_iter() {
            let Markdown::Start(Tag::Link { dest_url, .. }) = item else {
                continue;
            };
            let Some((file, _)) = resolve(&doc.target, &dest_url) else {
                continue;
            };
            if let Some((_, e)) = past.iter().find(|(page, _)| *page == file) {
                found.push(
                    Diagnostic::warning("past-event", format!("\"{}\" is over: it was on {}", e.title, e.end.date()))
                        .at(doc.in_body(range))
                        .label("this link sends readers to an event that has happened")
                        .help("take it out of the list of what is coming up, or say that it has happened; What's on lists only events still to come"),
                );
            }
        }
    }
    found
}

/// A booking that is not a secure web address, an email address or a
/// phone number: a young person could not book with it, or it could harm.
fn booking(e: &Event) -> Option<Diagnostic> {
    let booking = e.booking.as_deref()?;
    let at = || field_location(&e.origin.file, &e.origin.front, e.origin.front_line, "booking");
    let problem = match Address::of(booking) {
        Address::Web { secure: true } => return None,
        Address::Web { secure: false } => {
            return Some(
                Diagnostic::warning("insecure-link", "this booking link does not start with https://")
                    .at(at())
                    .help("write the address with https:// if the website has it: without it, what a young person types to book can be seen by others"),
            );
        }
        Address::Phone(number) => crate::phone::parse(&number).err().map(|p| {
            let (message, help) = p.explain(&number);
            (message, help.to_string())
        }),
        Address::Mail => None,
        Address::Site if booking.contains('@') => crate::email::problem(booking),
        Address::Site => crate::phone::parse(booking).err().map(|_| {
            (
                format!("\"{booking}\" is not a way to book"),
                "write a web address starting https://, an email address or a phone number; or write booking: just turn up".to_string(),
            )
        }),
        Address::Sms | Address::Other(_) => Some((
            format!("\"{booking}\" cannot be used to book"),
            "write a web address starting https://, an email address or a phone number".to_string(),
        )),
    };
    problem.map(|(message, help)| Diagnostic::error("bad-booking", message).at(at()).help(help))
}
