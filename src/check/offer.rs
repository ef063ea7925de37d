//! A complete, current local offer: something in every area, every entry
//! reviewed in the last twelve months, and pages on how to complain and who
//! to contact.

use std::path::Path;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::content::Site;
use crate::content::front_matter::field_location;
use crate::diagnostics::{Diagnostic, Location};

/// How long an entry may go without a review: the law expects the offer to
/// be kept up to date, and councils review it every year.
const REVIEW_MONTHS: i32 = 12;

pub fn check(site: &Site, today: Date) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let config = &site.config;
    for area in &config.areas {
        if !site.offer.iter().any(|e| e.area == area.id) {
            found.push(
                Diagnostic::error("empty-area", format!("the local offer has nothing in the area \"{}\"", area.title))
                    .at(Location::of_text(Path::new(crate::layout::SITE_TOML), &config.source, &format!("\"{}\"", area.id)))
                    .label("no entry has this area")
                    .help(format!("every care leaver must be able to see what there is for \"{}\": write an entry in local-offer/ with \"area: {}\", or take the area out of site.toml", area.title, area.id)),
            );
        }
    }
    for entry in &site.offer {
        let due = entry
            .reviewed
            .checked_add(REVIEW_MONTHS.months())
            .unwrap_or(entry.reviewed);
        if today > due {
            found.push(
                Diagnostic::warning(
                    "review-due",
                    format!("\"{}\" was last reviewed on {}, more than {REVIEW_MONTHS} months ago", entry.title, entry.reviewed),
                )
                .at(field_location(&entry.origin.file, &entry.origin.front, entry.origin.front_line, "reviewed"))
                .help("check the entry with the team that runs the service and with young people, then change the date to the day you checked it"),
            );
        }
    }
    if site.complaints_page().is_none() {
        found.push(
            Diagnostic::error("no-complaints-page", "the site has no page on how to complain")
                .in_file("pages")
                .help("write pages/how-to-complain.md: how a young person can complain, who can help them (an advocate) and what happens next; the law says they must be told"),
        );
    }
    if !site
        .pages
        .iter()
        .any(|p| p.slug == "contacts" || !p.contacts.is_empty())
    {
        found.push(
            Diagnostic::warning("no-contacts-page", "the site has no page of people to contact")
                .in_file("pages")
                .help("write pages/contacts.md with a \"contacts:\" list of the contacts in site.toml"),
        );
    }
    found
}
