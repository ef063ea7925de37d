//! The quarterly newsletter: its page, its printed editions read back and
//! their codes scanned, `promise newsletter` for any stretch of days, and
//! a quarter site.toml cannot read.

use std::collections::BTreeSet;

use lopdf::Document;
use promise::render::theme::Theme;
use promise::{Options, content, print, render_site};
use scraper::Selector;

use crate::common::{self, check_on as check, page};

/// A day the example's first event is over and its others are to come.
const TODAY: &str = "2026-10-15";
const SITE: &str = "https://promise.westmere.example/";

fn options(today: &str, leaflets: bool) -> Options {
    Options {
        leaflets,
        today: today.parse().unwrap(),
        ..Options::default()
    }
}

fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn attrs(html: &scraper::Html, selector: &str, name: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .filter_map(|e| e.value().attr(name))
        .map(str::to_string)
        .collect()
}

/// The messages said in the quarter, the offer entries checked in it, and
/// the events of it and the next that are still to come.
const MESSAGES: [&str; 2] = ["wifi-in-every-home", "pocket-money-on-time"];
const ENTRIES: [&str; 2] = ["apprenticeships", "work-experience"];
const EVENTS: [&str; 4] = [
    "sleepover",
    "money-for-your-first-home",
    "football-and-pizza",
    "winter-party",
];

#[test]
fn the_quarter_s_page_holds_its_messages_checked_entries_and_events_to_come() {
    let built = render_site(&common::example(), &options(TODAY, false)).unwrap();
    let news = page(&built.outputs, "news/2026-q4/index.html");
    assert_eq!(texts(&news, "h1"), ["Our news: October to December 2026"]);
    assert_eq!(attrs(&news, "article.message", "id"), MESSAGES);
    let hrefs = attrs(&news, ".card-link", "href");
    let offer: Vec<String> = ENTRIES
        .iter()
        .map(|e| format!("../../local-offer/{e}/index.html"))
        .collect();
    let events: Vec<String> = EVENTS.iter().map(|e| format!("../../events/{e}/index.html")).collect();
    assert_eq!(hrefs, [offer, events].concat());
    // The pumpkin carving, over by the 15th, is not news.
    assert!(!hrefs.iter().any(|h| h.contains("pumpkin")));
    // It is linked from the home page, in each language, and offers its
    // printed edition only when leaflets are made.
    let home = page(&built.outputs, "index.html");
    assert!(attrs(&home, ".card-link", "href").contains(&"news/2026-q4/index.html".to_string()));
    let arabic = page(&built.outputs, "ar/index.html");
    assert!(texts(&arabic, ".card-title").contains(&"أخبارنا: من أكتوبر إلى ديسمبر 2026".to_string()));
    assert!(attrs(&news, "a", "href").iter().all(|h| !h.ends_with(".pdf")));
    // Before its quarter begins, home does not point to it.
    let early = render_site(&common::example(), &options("2026-09-20", false)).unwrap();
    let home = page(&early.outputs, "index.html");
    assert!(!attrs(&home, "a", "href").iter().any(|h| h.contains("news/")));
}

/// The words of every page of a PDF, one space between each.
fn words(pdf: &Document) -> String {
    let pages: Vec<u32> = pdf.get_pages().into_keys().collect();
    let text = pdf.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every code on the typeset pages of the leaflet `file`.
fn every_code(file: &str, today: &str) -> Vec<String> {
    let theme = Theme::load(&common::example()).0;
    let today = today.parse().unwrap();
    let (site, _) = content::load(&common::example(), None, &theme.icon_names(), today).unwrap();
    let document = print::document(&site, &theme, &Default::default(), file, today)
        .expect("the newsletter is a leaflet")
        .expect("it typesets");
    document
        .pages()
        .iter()
        .flat_map(|p| crate::leaflets::codes(p, 4.0))
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn the_printed_newsletter_has_every_item_with_a_code_that_scans_to_it_and_records_them() {
    let built = render_site(&common::example(), &options(TODAY, true)).unwrap();
    for file in [
        "leaflets/news-2026-q4.pdf",
        "leaflets/news-2026-q4-large-print.pdf",
        "leaflets/print/news-2026-q4.pdf",
        "ar/leaflets/news-2026-q4.pdf",
    ] {
        let pdf = Document::load_mem(&built.outputs[file]).unwrap();
        assert_eq!(pdf.get_pages().len() % 4, 0, "{file} folds into booklets");
        let text = words(&pdf);
        for words in ["homework", "Apprenticeships kept for you", "Winter party", "999"] {
            assert!(text.contains(words), "{file} has no \"{words}\"");
        }
        assert!(!text.contains("Pumpkin"), "{file} prints an event that is over");
    }

    let news = format!("{SITE}news/2026-q4/");
    let mut wanted: BTreeSet<String> = MESSAGES.iter().map(|m| format!("{news}#{m}")).collect();
    wanted.extend(ENTRIES.iter().map(|e| format!("{SITE}local-offer/{e}/")));
    wanted.extend(EVENTS.iter().map(|e| format!("{SITE}events/{e}/")));
    wanted.insert(news.clone());
    let scanned: BTreeSet<String> = every_code("leaflets/news-2026-q4.pdf", TODAY).into_iter().collect();
    assert_eq!(scanned, wanted);

    // printed.toml records each code's address, so none is ever lost.
    let printed: toml::Value = toml::from_str(built.printed.as_deref().unwrap()).unwrap();
    let recorded: BTreeSet<String> = printed["printed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["leaflet"].as_str() == Some("leaflets/news-2026-q4.pdf"))
        .map(|p| {
            assert_eq!(p["how"].as_str(), Some("qr-code"));
            format!("{SITE}{}", p["address"].as_str().unwrap().trim_start_matches('/'))
        })
        .collect();
    let addresses: BTreeSet<String> = wanted
        .iter()
        .map(|w| w.split('#').next().unwrap().to_string())
        .collect();
    assert_eq!(recorded, addresses);
}

#[test]
fn promise_newsletter_makes_any_stretch_of_days_and_records_what_it_prints() {
    let dir = common::copy_of_example();
    let out = common::promise(
        dir.path(),
        &[
            "newsletter",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--today",
            TODAY,
        ],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let name = "news-2026-11-01-to-2026-11-30";
    for file in [
        format!("{name}.pdf"),
        format!("print/{name}-large-print.pdf"),
        format!("ar/{name}.pdf"),
    ] {
        assert!(dir.path().join("newsletter").join(&file).is_file(), "{file}");
    }
    let text = words(&Document::load(dir.path().join(format!("newsletter/{name}.pdf"))).unwrap());
    // November's message, and none of October's.
    assert!(text.contains("homework") && !text.contains("pocket money"), "{text}");
    // Not a quarter in site.toml, so it has no page: its code leads home.
    let printed = std::fs::read_to_string(dir.path().join("content/printed.toml")).unwrap();
    assert!(
        printed.contains(&format!("leaflet = \"leaflets/{name}.pdf\"")),
        "{printed}"
    );

    let backwards = common::promise(
        dir.path(),
        &["newsletter", "--from", "2026-12-01", "--to", "2026-11-01"],
    );
    assert_eq!(backwards.status.code(), Some(2));
    assert!(common::stderr(&backwards).contains("would end (2026-11-01) before it starts (2026-12-01)"));
}

#[test]
fn a_quarter_site_toml_cannot_read_is_an_error_at_its_line() {
    let dir = common::copy_of_example();
    common::replace(&dir.path().join("content/site.toml"), "\"2026-Q4\"", "\"Q4 2026\"");
    let (code, found) = check(dir.path(), TODAY);
    assert_eq!(code, 1);
    let wrong: Vec<_> = found.iter().filter(|d| d["code"] == "bad-quarter").collect();
    assert_eq!(wrong.len(), 1, "{found:#?}");
    let text = std::fs::read_to_string(dir.path().join("content/site.toml")).unwrap();
    let line = text.lines().position(|l| l.contains("Q4 2026")).unwrap() + 1;
    assert_eq!(wrong[0]["line"].as_u64(), Some(line as u64));
    assert!(wrong[0]["help"].as_str().unwrap().contains("2026-Q4"));
}
