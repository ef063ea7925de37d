//! Drafts and dates: what `draft`, `from` and `until` keep off the site,
//! what the build says of them, and where a withdrawn page's address leads.

use std::path::Path;

use serde_json::Value;

use crate::common::{self, check_on as check};

fn build(dir: &Path, today: &str) -> String {
    let out = common::promise(dir, &["build", "--no-leaflets", "--today", today]);
    let said = common::stderr(&out);
    assert!(out.status.success(), "{said}");
    said
}

fn coded<'a>(found: &'a [Value], code: &str) -> Vec<&'a Value> {
    found.iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn a_draft_is_read_and_its_mistakes_told_but_it_is_not_published_and_never_stops_a_build() {
    let dir = common::copy_of_example();
    // No newsletter has printed the party's address yet: a printed one
    // would have to lead somewhere.
    std::fs::remove_file(dir.path().join("content/printed.toml")).unwrap();
    let party = dir.path().join("content/events/winter-party.md");
    common::replace(&party, "title: Winter party\n", "title: Winter party\ndraft: true\n");
    common::replace(&party, "contact: childrens-rights", "contact: santa");
    let (code, found) = check(dir.path(), "2026-10-15");
    assert_eq!(code, 0, "{found:#?}");
    let draft = coded(&found, "draft");
    assert_eq!(draft.len(), 1);
    assert_eq!(draft[0]["file"], "events/winter-party.md");
    assert!(
        draft[0]["message"]
            .as_str()
            .unwrap()
            .contains("\"Winter party\" is a draft")
    );
    // Its mistake is told where it is, as a warning.
    let contact = coded(&found, "unknown-contact");
    assert_eq!(
        (contact[0]["severity"].as_str(), contact[0]["line"].as_u64()),
        (Some("warning"), Some(15))
    );

    let said = build(dir.path(), "2026-10-15");
    assert!(said.contains("warning[draft]"), "{said}");
    let public = dir.path().join("public");
    assert!(!public.join("events/winter-party").exists());
    let whats_on = std::fs::read_to_string(public.join("events/index.html")).unwrap();
    assert!(!whats_on.contains("Winter party"));
    let calendar = std::fs::read_to_string(public.join("events/calendar.ics")).unwrap();
    assert!(!calendar.contains("winter-party"));
}

#[test]
fn from_and_until_publish_and_withdraw_on_their_days_and_a_printed_address_still_leads_somewhere() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    // Council tax is printed on the local offer leaflet (printed.toml), and
    // has an Arabic translation that goes with it.
    common::replace(
        &content.join("local-offer/council-tax.md"),
        "reviewed:",
        "until: 2026-11-30\nreviewed:",
    );
    common::replace(
        &content.join("events/football-and-pizza.md"),
        "title: Football and pizza\n",
        "title: Football and pizza\nfrom: 2026-11-01\n",
    );
    let public = dir.path().join("public");

    let said = build(dir.path(), "2026-10-15");
    assert!(
        said.contains("warning[not-yet]: \"Football and pizza\" goes on the site on 2026-11-01"),
        "{said}"
    );
    assert!(!public.join("events/football-and-pizza").exists());
    assert!(public.join("local-offer/council-tax/index.html").exists());

    // On its day, at the first build: the event is on, the entry is not.
    let said = build(dir.path(), "2026-11-30");
    assert!(!said.contains("not-yet"), "{said}");
    assert!(public.join("events/football-and-pizza/index.html").exists());
    assert!(
        said.contains("warning[withdrawn]: \"No council tax until you are 25\" came off the site on 2026-11-30"),
        "{said}"
    );
    assert!(said.contains("now leads to the local offer"), "{said}");
    for (page, to) in [
        ("local-offer/council-tax/index.html", "../../local-offer/index.html"),
        (
            "ar/local-offer/council-tax/index.html",
            "../../../ar/local-offer/index.html",
        ),
    ] {
        let html = std::fs::read_to_string(public.join(page)).unwrap();
        assert!(html.contains(&format!("url={to}")), "{page}: {html}");
    }
    let offer = std::fs::read_to_string(public.join("local-offer/index.html")).unwrap();
    assert!(!offer.contains("No council tax"));
    // The printed address is not reported gone.
    let (code, found) = check(dir.path(), "2026-11-30");
    assert_eq!(code, 0, "{found:#?}");
    assert!(coded(&found, "printed-address-gone").is_empty());
}

#[test]
fn until_before_from_is_an_error_at_its_line() {
    let dir = common::copy_of_example();
    common::replace(
        &dir.path().join("content/pages/about.md"),
        "---\n",
        "---\nfrom: 2027-01-10\nuntil: 2027-01-01\n",
    );
    let (code, found) = check(dir.path(), "2026-10-15");
    assert_eq!(code, 1);
    let wrong = coded(&found, "until-before-from");
    assert_eq!(
        (wrong[0]["file"].as_str(), wrong[0]["line"].as_u64()),
        (Some("pages/about.md"), Some(3))
    );
}
