//! Builds the example site and checks what a young person would get.

use crate::common::{self, page, resolve};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use promise::{Options, render_site};
use scraper::{Html, Selector};

fn built() -> BTreeMap<String, Vec<u8>> {
    render_site(&common::example(), &Options::default())
        .expect("the example site builds")
        .outputs
}

/// The elements on the page: not those in a `<template>`, which a script
/// shows in place of the page's own (the finder's steps file).
fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap())
        .filter(|e| {
            !e.ancestors()
                .any(|a| a.value().as_element().is_some_and(|a| a.name() == "template"))
        })
        .collect()
}

fn text(html: &Html, css: &str) -> String {
    select(html, css)
        .first()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn every_page_in_the_sitemap_exists_with_its_title() {
    let outputs = built();
    let sitemap = String::from_utf8(outputs["sitemap.xml"].clone()).unwrap();
    let urls: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    // Every page is in the sitemap but the finder's answers, which tell
    // search engines to leave them out.
    let unlisted: Vec<&String> = outputs
        .keys()
        // The editor's page is the participation team's (see cms.rs).
        .filter(|k| k.ends_with("index.html") && !k.starts_with("admin/"))
        .filter(|k| {
            !urls
                .iter()
                .any(|u| format!("{u}index.html").ends_with(&format!("/{k}")))
        })
        .collect();
    assert!(!unlisted.is_empty());
    for page in unlisted {
        let html = String::from_utf8_lossy(&outputs[page]);
        assert!(
            page.contains("local-offer/finder/") && !page.ends_with("finder/index.html"),
            "{page}"
        );
        assert!(html.contains(r#"<meta name="robots" content="noindex">"#), "{page}");
    }
    let expected = [
        ("", "Our promise to you"),
        ("0-11/", "Age 11 and under – Our promise to you"),
        (
            "0-11/keeping-safe/",
            "Keeping you safe – Age 11 and under – Our promise to you",
        ),
        ("16-25/money/", "Money – Age 16 to 25 – Our promise to you"),
        ("local-offer/", "Your local offer – Our promise to you"),
        ("local-offer/staying-put/", "Staying Put – Our promise to you"),
        ("messages/", "You said, we did – Our promise to you"),
        ("how-to-complain/", "How to complain – Our promise to you"),
    ];
    for (path, title) in expected {
        let url = format!("https://promise.westmere.example/{path}");
        assert!(urls.contains(&url.as_str()), "{url} is not in the sitemap");
        let html = page(&outputs, &format!("{path}index.html"));
        assert_eq!(text(&html, "title"), title);
    }
    for url in urls {
        let path = url.strip_prefix("https://promise.westmere.example/").unwrap();
        let html = page(&outputs, &format!("{path}index.html"));
        let canonical = select(&html, "link[rel=canonical]")[0].attr("href").unwrap();
        assert_eq!(canonical, url);
    }
    let robots = String::from_utf8(outputs["robots.txt"].clone()).unwrap();
    assert!(robots.contains("Sitemap: https://promise.westmere.example/sitemap.xml"));
    assert!(outputs.contains_key("404.html"));
}

#[test]
fn every_page_has_the_structure_a_screen_reader_needs() {
    let outputs = built();
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let (lang, dir) = if path.starts_with("ar/") {
            ("ar", "rtl")
        } else {
            ("en-GB", "ltr")
        };
        assert_eq!(select(&html, "html")[0].attr("lang"), Some(lang), "{path}");
        assert_eq!(select(&html, "html")[0].attr("dir"), Some(dir), "{path}");
        assert_eq!(select(&html, "h1").len(), 1, "{path} needs exactly one h1");
        assert_eq!(select(&html, "main#main").len(), 1, "{path} needs one main");
        assert_eq!(select(&html, "a.skip-link")[0].attr("href"), Some("#main"), "{path}");
        assert_eq!(select(&html, "header").len(), 1, "{path}");
        assert_eq!(select(&html, "footer").len(), 1, "{path}");
        let mut previous = 1;
        for heading in select(&html, "h1, h2, h3, h4, h5, h6") {
            let level: usize = heading.value().name()[1..].parse().unwrap();
            assert!(level <= previous + 1, "{path} skips from h{previous} to h{level}");
            previous = level;
        }
        let csp = select(&html, "meta[http-equiv=Content-Security-Policy]");
        assert!(
            csp[0].attr("content").unwrap().starts_with("default-src 'none'"),
            "{path}"
        );
        // Every page works without JavaScript. The scripts there are only
        // add to it: on the home and band pages, saving the site for reading
        // offline, in a box hidden until it runs; on a page with "Exit this
        // page", leaving with Shift and without a trace in the back button;
        // on the finder's first page, asking every question there.
        let page = path.strip_prefix("ar/").unwrap_or(path);
        let finder = page == "local-offer/finder/index.html";
        let home_or_band = page == "index.html"
            || ["0-11", "12-15", "16-25"]
                .iter()
                .any(|b| page == format!("{b}/index.html"));
        let exit = !select(&html, "a.button-exit").is_empty();
        // A script element with no source only holds data (the finder's).
        for data in select(&html, "script:not([src])") {
            assert_eq!(data.attr("type"), Some("application/json"), "{path}");
        }
        let scripts: Vec<String> = select(&html, "script[src]")
            .iter()
            .map(|s| {
                assert!(s.attr("defer").is_some(), "{path}");
                let src = s.attr("src").unwrap_or_default();
                let name = src.rsplit('/').next().unwrap_or_default();
                name.split('.').next().unwrap_or_default().to_string()
            })
            .collect();
        // A page worth passing on has "Share", hidden until its script runs.
        let share = !select(&html, "button[data-share][hidden]").is_empty();
        // A page to read has "Listen to this page", hidden until a voice is found.
        let listen = !select(&html, "[data-listen][hidden]").is_empty();
        let expected: Vec<&str> = [
            (home_or_band, "offline"),
            (exit, "exit"),
            (share, "share"),
            (finder, "finder"),
            (listen, "listen"),
        ]
        .into_iter()
        .filter_map(|(has, name)| has.then_some(name))
        .collect();
        assert_eq!(
            scripts, expected,
            "{path}: only the scripts that add to what works without them"
        );
        assert_eq!(
            select(&html, "[data-offline][hidden]").len(),
            usize::from(home_or_band),
            "{path}"
        );
    }
}

#[test]
fn nothing_is_loaded_from_another_host() {
    let outputs = built();
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && *p != "404.html" && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for element in select(&html, "[src], link[href]:not([rel=canonical]):not([rel=alternate])") {
            let address = element.attr("src").or(element.attr("href")).unwrap();
            assert!(
                !address.contains("://") && !address.starts_with("//"),
                "{path} loads {address}"
            );
        }
    }
}

#[test]
fn every_link_and_anchor_resolves() {
    let outputs = built();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        ids.insert(
            path.clone(),
            select(&html, "[id]")
                .iter()
                .map(|e| e.attr("id").unwrap().to_string())
                .collect(),
        );
    }
    let mut checked = 0;
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && *p != "404.html" && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for a in select(&html, "a[href], link[href]:not([rel=canonical])") {
            let href = a.attr("href").unwrap();
            if href.contains(':') {
                continue;
            }
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                resolve(path, file)
            };
            assert!(
                outputs.contains_key(&target),
                "{path} links to {href}, which is not written"
            );
            if !fragment.is_empty() {
                assert!(
                    ids[&target].contains(fragment),
                    "{path} links to #{fragment}, not on {target}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links were checked");
}

#[test]
fn promises_appear_on_their_theme_page_with_anchors() {
    let outputs = built();
    let html = page(&outputs, "0-11/keeping-safe/index.html");
    let items = select(&html, ".promises > ul > li");
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].attr("id"), Some("we-will-find-you-a-safe"));
    assert_eq!(
        items[0].text().collect::<String>(),
        "We will find you a safe and happy home."
    );
    assert_eq!(
        select(&html, ".theme-title .art svg").len(),
        1,
        "the theme's picture is shown"
    );
    // One box for the band's contact, at the top of a young reader's page.
    let tel = select(&html, "main a[href^='tel:']");
    assert_eq!(tel.len(), 1);
    assert_eq!(tel[0].attr("href"), Some("tel:+441134960101"));
    assert_eq!(select(&html, ".talk-first a[href^='tel:']").len(), 1);

    let band = page(&outputs, "0-11/index.html");
    let themes: Vec<String> = select(&band, ".themes li .card-title")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        themes,
        [
            "Keeping you safe",
            "School and play",
            "Keeping healthy",
            "Family and friends",
            "Being listened to"
        ]
    );
    let entries: Vec<String> = select(&band, "section.area li .card-title")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        entries,
        ["An advocate"],
        "only the local offer entries open to under-12s"
    );
    assert_eq!(select(&band, "body.look-young").len(), 1);
}

#[test]
fn the_local_offer_is_grouped_by_area_and_by_age() {
    let outputs = built();
    let html = page(&outputs, "local-offer/index.html");
    let areas: Vec<String> = select(&html, "section.area h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(areas.len(), 6, "{areas:?}");
    assert_eq!(areas[0], "Health and wellbeing");
    let accommodation = select(&html, "#area-accommodation")[0].parent().unwrap();
    let titles: String = scraper::ElementRef::wrap(accommodation).unwrap().text().collect();
    assert!(
        titles.contains("Staying Put") && titles.contains("No council tax until you are 25"),
        "{titles}"
    );
    assert_eq!(select(&html, "section.area li.card").len(), 19);

    let teens = page(&outputs, "12-15/index.html");
    let entries: Vec<String> = select(&teens, ".area li .card-title")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        entries,
        ["An advocate", "Your Voice group"],
        "only entries a 12 to 15 year old can get"
    );

    let entry = page(&outputs, "local-offer/council-tax/index.html");
    assert_eq!(text(&entry, "h1"), "No council tax until you are 25");
    assert!(text(&entry, ".facts").contains("ages 18 to 25"));
    assert_eq!(select(&entry, "time")[0].attr("datetime"), Some("2026-03-01"));
    assert_eq!(
        select(&entry, ".contact a[href^='mailto:']")[0].attr("href"),
        Some("mailto:movingon@westmere.example")
    );
}

#[test]
fn messages_show_what_was_said_and_done_newest_first() {
    let outputs = built();
    let html = page(&outputs, "messages/index.html");
    let titles: Vec<String> = select(&html, ".message h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(titles[0], "“We need wifi at home to do our homework”");
    assert_eq!(titles.len(), 6);
    assert!(text(&html, "#words-we-use").contains("We say \"home\", not \"placement\""));
}

#[test]
fn pages_are_small_enough_for_a_phone_on_little_data() {
    let outputs = built();
    let (_, stylesheet) = outputs
        .iter()
        .find(|(f, _)| f.starts_with("assets/site.") && f.ends_with(".css"))
        .expect("the stylesheet");
    let css = gzipped(stylesheet);
    // The finder's steps file is fetched by its first page once it shows,
    // so it is not in the first round trip.
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("admin/") && !p.ends_with("finder/steps.html"))
    {
        let total = gzipped(bytes) + css;
        assert!(total < 14 * 1024, "{path} is {total} bytes gzipped with its CSS");
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(!text.contains("\n  "), "{path} is not minified");
    }
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    promise::build(&common::example(), &a, &Options::default()).unwrap();
    promise::build(&common::example(), &b, &Options::default()).unwrap();
    let files = |root: &std::path::Path| -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(root).unwrap().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let (first, second) = (files(&a), files(&b));
    assert!(first.len() > 40);
    assert_eq!(first, second);
}

#[test]
fn base_url_from_the_command_line_wins() {
    let built = render_site(
        &common::example(),
        &Options {
            base_url: Some("https://preview.example/promise".into()),
            leaflets: false,
            ..Options::default()
        },
    )
    .unwrap();
    let sitemap = String::from_utf8(built.outputs["sitemap.xml"].clone()).unwrap();
    assert!(
        sitemap.contains("<loc>https://preview.example/promise/0-11/</loc>"),
        "{sitemap}"
    );
    // The 404 page is shown at any address on any host: its links start at
    // the site's path on the host, never at a host.
    let missing = page(&built.outputs, "404.html");
    let hrefs: Vec<&str> = missing
        .select(&Selector::parse("link[rel=stylesheet], a[href]").unwrap())
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert!(hrefs.len() > 5, "{hrefs:?}");
    for href in hrefs {
        assert!(href.starts_with("/promise/") || href.starts_with('#'), "{href}");
    }
}

#[test]
fn help_is_one_tap_away_on_every_page() {
    let outputs = built();
    let pages: Vec<&String> = outputs
        .keys()
        .filter(|p| p.ends_with(".html") && *p != "404.html" && !p.starts_with("admin/"))
        .collect();
    assert!(pages.len() > 40);
    for path in pages {
        let html = page(&outputs, path);
        let help = select(&html, "header a.help-now");
        assert_eq!(help.len(), 1, "{path} has no help link");
        let words = if path.starts_with("ar/") {
            "هل تحتاج إلى مساعدة الآن؟"
        } else {
            "Need help now?"
        };
        assert_eq!(help[0].text().collect::<String>(), words);
        let depth = path.matches('/').count();
        assert_eq!(
            help[0].value().attr("href"),
            Some(
                format!(
                    "{}{}help-now/index.html",
                    "../".repeat(depth),
                    if path.starts_with("ar/") { "ar/" } else { "" }
                )
                .as_str()
            ),
            "{path}"
        );
    }
    let help = page(&outputs, "help-now/index.html");
    let calls: Vec<&str> = select(&help, "main a[href^='tel:']")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    for number in ["tel:999", "tel:+441134960999", "tel:+448001111", "tel:116123"] {
        assert!(calls.contains(&number), "{number} not in {calls:?}");
    }
    let exit = select(&help, "a.button-exit");
    assert_eq!(exit.len(), 1);
    assert_eq!(exit[0].value().attr("rel"), Some("nofollow noreferrer"));
    assert_eq!(exit[0].value().attr("href"), Some("https://www.bbc.co.uk/weather"));
}

/// The ids of the elements matching `css`, in page order, for "what comes
/// before what".
fn order(html: &Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .map(|e| {
            e.value()
                .attr("id")
                .or(e.value().attr("class"))
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn each_look_is_its_own_design() {
    let outputs = built();
    let young = page(&outputs, "0-11/index.html");
    // Someone to talk to comes before the promises, with a number to call.
    assert_eq!(
        order(&young, "#talk-first, .themes"),
        ["talk-first", "themes"],
        "Who can I talk to? is near the top"
    );
    assert_eq!(text(&young, "#talk-first"), "Who can I talk to?");
    assert_eq!(select(&young, ".talk-first a[href='tel:+441134960101']").len(), 1);
    // Every theme is a picture drawn in the band's colours, not a line icon.
    let cards = select(&young, ".themes > li");
    assert_eq!(cards.len(), 5);
    for card in &cards {
        let art = card
            .select(&Selector::parse(".art[aria-hidden=true] svg").unwrap())
            .count();
        assert_eq!(art, 1, "{}", card.html());
        let fills = card.select(&Selector::parse(".art svg .bg").unwrap()).count();
        assert!(fills > 0, "the picture takes the band's colours from classes");
    }

    let teen = page(&outputs, "12-15/index.html");
    assert_eq!(select(&teen, "body.look-teen .intro h1").len(), 1);
    assert_eq!(select(&teen, ".themes > li .art svg").len(), 5);
    assert!(
        select(&teen, "#talk-first").is_empty(),
        "the teen look has its own layout"
    );
    assert_eq!(text(&teen, "#talk"), "Want to talk to someone?");

    let adult = page(&outputs, "16-25/index.html");
    let contents: Vec<&str> = select(&adult, "nav.contents a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(contents, ["#promises", "#talk", "#offer"]);
    assert!(select(&adult, ".art").is_empty(), "the adult look is plainer");
    assert_eq!(select(&adult, ".themes > li .icon svg").len(), 5);
    // The local offer for their age is one tap from every promise page.
    for slug in ["money", "somewhere-to-live", "always-someone-there"] {
        let promise = page(&outputs, &format!("16-25/{slug}/index.html"));
        let offer = select(&promise, ".offer-here a");
        assert_eq!(offer.len(), 1, "{slug}");
        assert_eq!(offer[0].value().attr("href"), Some("../../16-25/index.html#offer"));
        assert!(offer[0].text().collect::<String>().contains("19 things"));
    }
}

#[test]
fn every_card_is_one_link_holding_its_words() {
    let outputs = built();
    let link = Selector::parse("a").unwrap();
    let mut cards = 0;
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for card in select(&html, ".card") {
            cards += 1;
            let words = |e: scraper::ElementRef| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let links: Vec<_> = card.select(&link).collect();
            if card.value().has_class("entry", scraper::CaseSensitivity::CaseSensitive) {
                // An entry's link is its title, drawn over the card; beside
                // it only "Only for ..." leads on, to what the law's words
                // mean on the same page.
                assert_eq!(links[0].value().attr("class"), Some("card-link"), "{path}");
                assert_eq!(
                    words(links[0]),
                    text(&Html::parse_fragment(&card.html()), ".card-title")
                );
                for law in &links[1..] {
                    assert_eq!(law.value().attr("href"), Some("#law-words"), "{path}: {}", card.html());
                    assert_eq!(select(&html, "#law-words").len(), 1, "{path} has no #law-words");
                }
            } else {
                assert_eq!(links.len(), 1, "{path}: {}", card.html());
                assert_eq!(words(links[0]), words(card), "{path}");
            }
        }
    }
    assert!(cards > 50, "only {cards} cards");
}

#[test]
fn addresses_break_only_at_their_dots_and_at() {
    let outputs = built();
    let html = String::from_utf8(outputs["16-25/index.html"].clone()).unwrap();
    assert!(html.contains("movingon@<wbr>westmere<wbr>.example"), "{html}");
    let page = page(&outputs, "16-25/index.html");
    assert_eq!(text(&page, ".button-email span"), "movingon@westmere.example");
}

#[test]
fn pages_about_safety_can_be_left_in_one_tap() {
    let outputs = built();
    let safe = page(&outputs, "0-11/keeping-safe/index.html");
    let exit = select(&safe, "main a.button-exit");
    assert_eq!(exit.len(), 1);
    assert_eq!(exit[0].value().attr("href"), Some("https://www.bbc.co.uk/weather"));
    assert_eq!(exit[0].value().attr("rel"), Some("nofollow noreferrer"));
    let other = page(&outputs, "0-11/school-and-play/index.html");
    assert!(
        select(&other, ".button-exit").is_empty(),
        "only pages marked safety: true"
    );
    // Beside the button, the way to the page on using the site safely, and
    // the script that leaves without a trace in the back button.
    for file in [
        "0-11/keeping-safe/index.html",
        "help-now/index.html",
        "local-offer/finder/index.html",
        "using-this-site-safely/index.html",
    ] {
        let html = page(&outputs, file);
        let more = select(&html, ".exit-page .exit-more a");
        // The safe-use page does not link to itself.
        if file.starts_with("using-this-site-safely/") {
            assert!(more.is_empty(), "{file}");
        } else {
            assert_eq!(more.len(), 1, "{file}");
            assert!(
                common::resolve(file, more[0].value().attr("href").unwrap())
                    .ends_with("using-this-site-safely/index.html"),
                "{file}"
            );
        }
        let scripts = select(&html, "script[src]");
        assert!(
            scripts
                .iter()
                .any(|s| s.value().attr("src").unwrap().contains("assets/exit.")),
            "{file}"
        );
    }
}

#[test]
fn the_page_on_using_the_site_safely_says_what_a_browser_keeps_in_every_language() {
    let outputs = built();
    for (file, words) in [
        ("using-this-site-safely/index.html", "Clear your history"),
        ("ar/using-this-site-safely/index.html", "امسح سجل التصفح"),
    ] {
        let html = page(&outputs, file);
        let headings: Vec<String> = select(&html, "main h2").iter().map(|h| h.text().collect()).collect();
        assert!(headings.iter().any(|h| h == words), "{file}: {headings:?}");
        assert_eq!(
            select(&html, "main li").len(),
            3,
            "{file}: a way for each kind of phone"
        );
        let title: String = select(&html, "title")[0].text().collect();
        assert!(!title.to_lowercase().contains("care"), "{file}: {title}");
    }
}

#[test]
fn a_promise_page_shows_the_contacts_it_names() {
    let outputs = built();
    let html = page(&outputs, "16-25/always-someone-there/index.html");
    let names: Vec<String> = select(&html, ".contact h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(names, ["Your contact", "Out of hours helpline"]);
    assert_eq!(select(&html, ".contact a[href='tel:+441134960999']").len(), 1);
}

#[test]
fn the_stylesheet_reads_either_way() {
    let css = std::fs::read_to_string(common::example().join("../themes/default/static/site.css")).unwrap();
    let physical = regex::Regex::new(r"(?m)(?:^|[\s;{])(?:(?:margin|padding|border)-(?:left|right)[\w-]*|border-(?:top|bottom)-(?:left|right)-radius|left|right|float|clear)\s*:|text-align:\s*(?:left|right)").unwrap();
    let found: Vec<&str> = physical.find_iter(&css).map(|m| m.as_str()).collect();
    assert!(
        found.is_empty(),
        "use logical properties (inline-start, inline-end) instead of {found:?}"
    );
}

#[test]
fn each_page_is_published_in_each_language_with_a_way_between_them() {
    let outputs = built();
    let arabic = page(&outputs, "ar/12-15/a-safe-home/index.html");
    assert_eq!(text(&arabic, "h1"), "بيت آمن");
    assert_eq!(select(&arabic, "html")[0].attr("dir"), Some("rtl"));
    assert!(select(&arabic, ".untranslated").is_empty(), "it is translated");
    // The switcher names each language in itself and leads to the same page.
    let switcher: Vec<(String, Option<&str>, Option<&str>)> = select(&arabic, "nav.languages a")
        .iter()
        .map(|a| (a.text().collect(), a.value().attr("lang"), a.value().attr("href")))
        .collect();
    assert_eq!(
        switcher,
        [
            (
                "English".to_string(),
                Some("en-GB"),
                Some("../../../12-15/a-safe-home/index.html")
            ),
            (
                "العربية".to_string(),
                Some("ar"),
                Some("../../../ar/12-15/a-safe-home/index.html")
            ),
        ]
    );
    let alternates: Vec<(Option<&str>, Option<&str>)> = select(&arabic, "link[rel=alternate][hreflang]")
        .iter()
        .map(|l| (l.value().attr("hreflang"), l.value().attr("href")))
        .collect();
    assert_eq!(
        alternates,
        [
            (
                Some("en-GB"),
                Some("https://promise.westmere.example/12-15/a-safe-home/")
            ),
            (
                Some("ar"),
                Some("https://promise.westmere.example/ar/12-15/a-safe-home/")
            ),
        ]
    );
    assert_eq!(
        select(&arabic, "link[rel=canonical]")[0].value().attr("href"),
        Some("https://promise.westmere.example/ar/12-15/a-safe-home/")
    );
    // The band is translated, so its leaflet is too.
    let leaflet = select(&arabic, ".leaflet a");
    assert_eq!(leaflet[0].value().attr("hreflang"), None);
    assert_eq!(leaflet[0].value().attr("href"), Some("../../../ar/leaflets/12-15.pdf"));
    assert!(outputs.contains_key("ar/leaflets/12-15.pdf"));
    // A phone number reads left to right in right-to-left text.
    assert_eq!(select(&arabic, ".contact .number[dir=ltr]").len(), 1);

    // Not translated yet: the English page, marked as English, with a note
    // in Arabic.
    let money = page(&outputs, "ar/16-25/money/index.html");
    assert_eq!(
        text(&money, ".untranslated"),
        "هذه الصفحة غير مترجمة إلى العربية بعد، لذلك تظهر باللغة التي كُتبت بها."
    );
    // Nothing of 16-25 is in Arabic, so its leaflet is the English one, and
    // the link says so.
    assert!(!outputs.contains_key("ar/leaflets/16-25.pdf"));
    let leaflet = select(&money, ".leaflet a");
    assert_eq!(leaflet[0].value().attr("hreflang"), Some("en-GB"));
    assert_eq!(leaflet[0].value().attr("href"), Some("../../../leaflets/16-25.pdf"));
    assert!(leaflet[0].text().collect::<String>().contains("English"));
    // Its words are marked as English; the theme's around them are Arabic.
    assert_eq!(select(&money, "h1[lang='en-GB'][dir=ltr]").len(), 1);
    assert_eq!(select(&money, ".promises[lang='en-GB'][dir=ltr]").len(), 1);
    assert!(select(&money, "main [lang='en-GB'] .button").is_empty());
    assert_eq!(select(&money, ".crumbs [aria-current] span[lang='en-GB']").len(), 1);
    // On a translated band page, the cards not yet translated say so.
    let band = page(&outputs, "ar/16-25/index.html");
    assert_eq!(select(&band, ".themes > li[lang='en-GB']").len(), 5);
    let teens = page(&outputs, "ar/12-15/index.html");
    assert!(select(&teens, ".themes > li[lang]").is_empty());

    let sitemap = String::from_utf8(outputs["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains(
        "<url><loc>https://promise.westmere.example/ar/12-15/</loc><xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://promise.westmere.example/12-15/\"/><xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"https://promise.westmere.example/ar/12-15/\"/></url>"
    ), "{sitemap}");
    assert!(!outputs.contains_key("ar/404.html"), "one page says not found");
}

#[test]
fn the_feed_has_every_message_offer_entry_and_event_newest_first_and_every_page_links_to_it() {
    let outputs = built();
    let xml = std::str::from_utf8(&outputs["feed.xml"]).unwrap();
    let feed = roxmltree::Document::parse(xml).expect("the feed is XML");
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let root = feed.root_element();
    assert!(root.has_tag_name((ATOM, "feed")));
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        let found = node.children().find(|c| c.has_tag_name((ATOM, name)));
        found
            .and_then(|c| c.text())
            .unwrap_or_else(|| panic!("<{name}>"))
            .to_string()
    };
    assert_eq!(child(root, "title"), "What's new: Our promise to you");
    assert_eq!(child(root, "id"), "https://promise.westmere.example/");
    let entries: Vec<_> = root.children().filter(|c| c.has_tag_name((ATOM, "entry"))).collect();
    let theme = promise::render::theme::Theme::load(&common::example()).0;
    let (site, _) =
        promise::content::load(&common::example(), None, &theme.icon_names(), jiff::Zoned::now().date()).unwrap();
    assert_eq!(
        entries.len(),
        site.messages.len() + site.offer.len() + site.events.len()
    );
    let updated: Vec<String> = entries.iter().map(|e| child(*e, "updated")).collect();
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "newest first: {updated:?}");
    assert_eq!(child(root, "updated"), updated[0]);
    for entry in &entries {
        let id = child(*entry, "id");
        let link = entry.children().find(|c| c.has_tag_name((ATOM, "link"))).unwrap();
        assert_eq!(link.attribute("href"), Some(id.as_str()));
        assert!(!child(*entry, "summary").is_empty());
        // Each leads to a page the site has, and a message to its own place on it.
        let path = id.trim_start_matches("https://promise.westmere.example/");
        let (page, anchor) = path.split_once('#').unwrap_or((path, ""));
        let html = String::from_utf8(outputs[&format!("{page}index.html")].clone()).unwrap();
        assert!(anchor.is_empty() || html.contains(&format!("id=\"{anchor}\"")), "{id}");
    }
    let message = entries
        .iter()
        .find(|e| child(**e, "title") == "You said: “Don't make us stand out at school”")
        .expect("a message");
    assert_eq!(child(*message, "updated"), "2026-05-18T00:00:00Z");
    let event = entries
        .iter()
        .find(|e| child(**e, "title") == "What's on: Winter party")
        .expect("an event");
    assert_eq!(child(*event, "updated"), "2026-12-12T00:00:00Z");
    for (path, bytes) in outputs
        .iter()
        .filter(|(p, _)| p.ends_with("index.html") && !p.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let feeds = select(&html, "link[rel=alternate][type='application/atom+xml']");
        let href = feeds
            .first()
            .and_then(|l| l.attr("href"))
            .unwrap_or_else(|| panic!("{path}"));
        let depth = path.matches('/').count();
        assert_eq!(href, format!("{}feed.xml", "../".repeat(depth)), "{path}");
    }
}

/// What the offline worker of `outputs` saves, by language, and its build.
fn worker(outputs: &BTreeMap<String, Vec<u8>>) -> (BTreeMap<String, Vec<String>>, String) {
    let script = std::str::from_utf8(&outputs["sw.js"]).unwrap();
    let line = |start: &str| {
        let found = script.lines().find_map(|l| l.strip_prefix(start));
        found
            .unwrap_or_else(|| panic!("{start}"))
            .trim_end_matches(';')
            .to_string()
    };
    let files = serde_json::from_str(&line("const FILES = ")).unwrap();
    (files, line("const BUILD = ").trim_matches('\'').to_string())
}

#[test]
fn the_offline_worker_saves_each_languages_pages_and_is_named_after_the_build() {
    let outputs = built();
    let (files, build) = worker(&outputs);
    assert_eq!(files.keys().collect::<Vec<_>>(), ["", "ar/"]);
    for (prefix, list) in &files {
        for file in list {
            assert!(outputs.contains_key(file), "{file} is saved but not written");
            assert!(!file.ends_with(".pdf"), "{file}: leaflets are for printing");
        }
        let pages = outputs.keys().filter(|f| {
            f.ends_with(".html")
                && !f.starts_with("admin/")
                && (if prefix.is_empty() {
                    !f.starts_with("ar/")
                } else {
                    f.starts_with("ar/")
                })
        });
        for page in pages {
            assert!(list.contains(page), "{prefix:?} saves {page}");
        }
        let shared = outputs
            .keys()
            .filter(|f| f.starts_with("assets/") || f.starts_with("images/") || *f == "manifest.webmanifest");
        for file in shared {
            assert!(list.contains(file), "{prefix:?} saves {file}");
        }
    }
    assert!(
        build.len() == 12 && build.chars().all(|c| c.is_ascii_hexdigit()),
        "{build}"
    );
    assert_eq!(worker(&built()).1, build, "the same content is the same build");
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    common::replace(
        &content.join("promises/0-11/keeping-safe.md"),
        "We will find you a safe and happy home.",
        "We will find you a safe, happy home.",
    );
    let changed = render_site(&content, &Options::default()).unwrap().outputs;
    assert_ne!(
        worker(&changed).1,
        build,
        "a change is a new build, so the saved copy is replaced"
    );

    let manifest: serde_json::Value = serde_json::from_slice(&outputs["manifest.webmanifest"]).unwrap();
    assert_eq!(manifest["name"], "Our promise to you");
    assert_eq!(manifest["start_url"], "./");
    let icon = manifest["icons"][0]["src"].as_str().unwrap();
    assert!(outputs.contains_key(icon), "{icon}");
}

#[test]
fn the_home_page_calls_999_with_a_button_in_every_language() {
    let outputs = built();
    for file in ["index.html", "ar/index.html"] {
        let html = page(&outputs, file);
        let call = select(&html, ".help-box a.button[href='tel:999']");
        assert_eq!(call.len(), 1, "{file}: 999 is a button, not a link in a sentence");
    }
}
