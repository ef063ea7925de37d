//! "Am I a care leaver?" and "What can I get at 17?", read as a young person
//! would: following the links of the example site's pages from the first
//! question, and reading who each result says they are and what it lists.

use crate::common::{self, page};

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use promise::{Options, render_site};
use scraper::{Html, Selector};

type Outputs = BTreeMap<String, Vec<u8>>;

fn built() -> Outputs {
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    render_site(&common::example(), &options)
        .expect("the example site builds")
        .outputs
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The file a relative link on the page at `from` leads to; a link with a
/// scheme (`tel:`, `mailto:`) as it is.
fn follow(from: &str, href: &str) -> String {
    if href.contains(':') {
        return href.to_string();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('#').next().unwrap_or_default().split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The links of a page's main part: (words, file they lead to).
fn links(outputs: &Outputs, file: &str) -> Vec<(String, String)> {
    let html = page(outputs, file);
    html.select(&Selector::parse("main a[href]").unwrap())
        .map(|a| {
            let words = a
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (words, follow(file, a.value().attr("href").unwrap_or_default()))
        })
        .collect()
}

/// Taps, one after another, the links with these words, from the finder's
/// first page; returns the page reached.
fn tap(outputs: &Outputs, words: &[&str]) -> String {
    let mut at = "local-offer/finder/index.html".to_string();
    for word in words {
        let next = links(outputs, &at)
            .into_iter()
            .find(|(w, _)| w == word)
            .unwrap_or_else(|| panic!("no link \"{word}\" on {at}"));
        at = next.1;
        assert!(outputs.contains_key(&at), "{at} was not written");
    }
    at
}

/// The entry titles a result or age page lists.
fn listed(html: &Html) -> BTreeSet<String> {
    texts(html, "main .card-title").into_iter().collect()
}

/// Every example entry whose front matter `keep` chooses, by title.
fn example_entries(keep: impl Fn(u8, u8, &str) -> bool) -> BTreeSet<String> {
    let mut titles = BTreeSet::new();
    for entry in std::fs::read_dir(common::example().join("local-offer")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.matches('.').count() > 1 {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                .unwrap_or_default()
                .to_string()
        };
        let (from, to) = field("ages")
            .split_once('-')
            .map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap()))
            .unwrap();
        let groups = text.split("\nsummary:").next().unwrap_or_default();
        let groups = groups
            .split_once("\nfor:")
            .map_or(String::new(), |(_, g)| g.to_string());
        if keep(from, to, &groups) {
            titles.insert(field("title"));
        }
    }
    titles
}

#[test]
fn a_17_year_old_in_care_for_two_years_is_eligible_and_sees_what_17_year_olds_get() {
    let outputs = built();
    let end = tap(&outputs, &["17", "Yes", "Yes"]);
    let html = page(&outputs, &end);
    assert_eq!(texts(&html, "h1"), ["You are probably “eligible”"]);
    // On a shared phone, the history shows neither the age nor the group.
    let name = end
        .trim_start_matches("local-offer/finder/")
        .trim_end_matches("/index.html");
    assert!(name.len() == 8 && name.chars().all(|c| c.is_ascii_hexdigit()), "{end}");
    assert_eq!(texts(&html, "title"), ["Help you can get – Our promise to you"]);
    // The law's word is explained where it first appears.
    assert!(texts(&html, "main p.lead")[0].starts_with("“Eligible” is the law's name for"));
    let shown = listed(&html);
    let for_17 = example_entries(|from, to, groups| {
        (from..=to).contains(&17) && (groups.is_empty() || groups.contains("eligible"))
    });
    assert_eq!(shown, for_17);
    assert!(
        shown.contains("A personal adviser") && shown.contains("A training flat"),
        "{shown:?}"
    );
    let over_18 = example_entries(|from, _, _| from >= 18);
    assert!(over_18.contains("Staying Put"));
    assert!(shown.is_disjoint(&over_18), "{shown:?}");
    // What the law gives comes first, then the council's extras.
    let headings = texts(&html, "main h2, main h3");
    let legal = headings.iter().position(|h| h == "What the law says you get").unwrap();
    let extra = headings.iter().position(|h| h == "Extra help from us").unwrap();
    assert!(legal < extra, "{headings:?}");
}

#[test]
fn a_22_year_old_who_left_care_at_17_after_two_years_is_former_relevant() {
    let outputs = built();
    // 22; in care 13 weeks since 14: yes; in care after 16: yes; went home
    // for six months before 18: no.
    let end = tap(&outputs, &["22", "Yes", "Yes", "No"]);
    let html = page(&outputs, &end);
    assert_eq!(texts(&html, "h1"), ["You are probably “former relevant”"]);
    let shown = listed(&html);
    assert!(shown.contains("A personal adviser"), "{shown:?}");
    let ends_at_21 = example_entries(|_, to, _| to < 22);
    assert!(ends_at_21.contains("Staying Put") && ends_at_21.contains("A mentor"));
    assert!(shown.is_disjoint(&ends_at_21), "{shown:?}");
    assert_eq!(
        shown,
        example_entries(|from, to, groups| {
            (from..=to).contains(&22) && (groups.is_empty() || groups.contains("former-relevant"))
        })
    );
    // It is a guide: whom to ask, and how to ask for more or complain.
    let words = texts(&html, "main").join(" ");
    assert!(words.contains("This is a guide, not a decision."), "{words}");
    assert!(words.contains("needs assessment"), "{words}");
    let to = links(&outputs, &end);
    assert!(to.iter().any(|(_, f)| f == "how-to-complain/index.html"), "{to:?}");
    assert!(to.iter().any(|(w, _)| w.starts_with("Call 0113 496 0202")), "{to:?}");
}

#[test]
fn every_page_of_the_finder_is_reached_by_its_links_and_has_a_way_back() {
    let outputs = built();
    for language in ["", "ar/"] {
        let start = format!("{language}local-offer/finder/index.html");
        let mut seen = BTreeSet::from([start.clone()]);
        let mut queue = VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            if at.ends_with("steps.html") {
                continue;
            }
            let html = page(&outputs, &at);
            let here = links(&outputs, &at);
            for (_, file) in &here {
                assert!(
                    file.contains(':') || outputs.contains_key(file),
                    "{at} links to {file}, which was not written"
                );
                if file.contains("/finder/") && seen.insert(file.clone()) {
                    queue.push_back(file.clone());
                }
            }
            // Nothing is sent: no form, the same policy as every page; the
            // scripts are "Exit this page"'s, which the link works without,
            // on the first page the one that asks every question there,
            // from the steps file beside it, and "Listen to this page".
            let text = String::from_utf8_lossy(&outputs[&at]);
            assert!(!text.contains("<form"), "{at}");
            let scripts: Vec<&str> = html
                .select(&Selector::parse("script[src]").unwrap())
                .map(|s| s.value().attr("src").unwrap_or_default())
                .collect();
            let first = at.ends_with("finder/index.html");
            assert!(scripts[0].contains("assets/exit."), "{at}: {scripts:?}");
            assert_eq!(scripts.len(), if first { 3 } else { 2 }, "{at}: {scripts:?}");
            assert!(
                scripts[scripts.len() - 1].contains("assets/listen."),
                "{at}: {scripts:?}"
            );
            if first {
                assert!(scripts[1].contains("assets/finder."), "{at}: {scripts:?}");
                let steps = html
                    .select(&Selector::parse("[data-finder][data-steps]").unwrap())
                    .next()
                    .and_then(|e| e.value().attr("data-steps"))
                    .map(|href| follow(&at, href))
                    .unwrap_or_else(|| panic!("{at} names no steps file"));
                assert_eq!(steps, format!("{language}local-offer/finder/steps.html"));
                seen.insert(steps);
            }
            assert!(text.contains("default-src 'none'"), "{at}");
            assert_eq!(texts(&html, "h1").len(), 1, "{at}");
            let back = html.select(&Selector::parse(".finder-back a").unwrap()).count();
            assert_eq!(back, 1, "{at} has no Back link");
            let question = html.select(&Selector::parse("ul.choices").unwrap()).count() == 1;
            if question && !at.ends_with("finder/index.html") {
                let words: Vec<&str> = here.iter().map(|(w, _)| w.as_str()).collect();
                if language.is_empty() {
                    assert!(
                        words.contains(&"I'm not sure") && words.contains(&"Yes"),
                        "{at}: {words:?}"
                    );
                }
            }
        }
        let written: BTreeSet<String> = outputs
            .keys()
            .filter(|f| f.starts_with(&format!("{language}local-offer/finder/")))
            .cloned()
            .collect();
        assert_eq!(
            seen, written,
            "pages of the finder no link reaches, or links to pages not written"
        );
        // Every reachable page is made at build time; there are few.
        assert!(written.len() < 200, "{} pages", written.len());
    }
}

#[test]
fn each_age_has_a_page_of_what_it_can_get_and_the_offer_and_band_pages_link_to_them() {
    let outputs = built();
    for age in 16..=25u8 {
        let file = format!("local-offer/age/{age}/index.html");
        let html = page(&outputs, &file);
        assert_eq!(texts(&html, "h1"), [format!("What can I get at {age}?")]);
        assert_eq!(
            listed(&html),
            example_entries(|from, to, _| (from..=to).contains(&age)),
            "{file}"
        );
    }
    let offer: Vec<String> = links(&outputs, "local-offer/index.html")
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    let band: Vec<String> = links(&outputs, "16-25/index.html")
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    for age in 16..=25 {
        let file = format!("local-offer/age/{age}/index.html");
        assert!(offer.contains(&file) && band.contains(&file), "{file}");
    }
    assert!(offer.contains(&"local-offer/finder/index.html".to_string()));
    // The young band's page has no ages of the local offer to link to.
    let young: Vec<String> = links(&outputs, "0-11/index.html").into_iter().map(|(_, f)| f).collect();
    assert!(!young.iter().any(|f| f.contains("/age/")), "{young:?}");
    // An entry only some groups can get says so, and what the words mean.
    let staying_put = page(&outputs, "local-offer/staying-put/index.html");
    let words = texts(&staying_put, "main").join(" ");
    assert!(
        words.contains("Only for care leavers who are former relevant"),
        "{words}"
    );
    assert!(words.contains("“Former relevant” is the law's name for"), "{words}");
}

#[test]
fn a_group_no_law_names_is_an_error_at_its_line_with_the_groups_it_can_be() {
    let dir = common::copy_of_example();
    let file = dir.path().join("content/local-offer/staying-put.md");
    common::replace(&file, "for: former-relevant", "for: former relevent");
    for args in [&["check"][..], &["build", "--no-leaflets"]] {
        let out = common::promise(dir.path(), args);
        let command = args[0];
        let text = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{command}: {text}");
        assert!(
            text.contains("error[unknown-group]: \"former relevent\" is not a group of care leaver"),
            "{text}"
        );
        assert!(text.contains("local-offer/staying-put.md:6:"), "{text}");
        assert!(text.contains("former-relevant"), "{text}");
    }
    // Written as a list, in capitals or with a space, it is understood.
    common::replace(
        &file,
        "for: former relevent",
        "for:\n  - Former relevant\n  - qualifying",
    );
    let out = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("public/local-offer/staying-put/index.html")).unwrap();
    assert!(
        html.contains("Only for care leavers who are former relevant or qualifying"),
        "{html}"
    );
}

/// The steps file's parts, by the id of each `<template>`.
fn steps(outputs: &Outputs) -> BTreeMap<String, Html> {
    let text = String::from_utf8_lossy(&outputs["local-offer/finder/steps.html"]).into_owned();
    let part = regex::Regex::new(r#"(?s)<template id="?([^">\s]+)"?>(.*?)</template>"#).unwrap();
    part.captures_iter(&text)
        .map(|c| (c[1].to_string(), Html::parse_fragment(&c[2])))
        .collect()
}

#[test]
fn the_first_page_asks_every_question_from_the_steps_file_and_ends_where_the_pages_do() {
    let outputs = built();
    let parts = steps(&outputs);
    let text = String::from_utf8_lossy(&outputs["local-offer/finder/steps.html"]).into_owned();
    let tree = text
        .split_once(r#"<script type="application/json" id="tree">"#)
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(json, _)| serde_json::from_str::<serde_json::Value>(json).unwrap())
        .expect("the steps file has its tree");
    // Every question and end the tree leads to has its part.
    fn names(node: &serde_json::Value, found: &mut BTreeSet<String>) {
        match node {
            serde_json::Value::String(end) => {
                found.insert(format!("e-{end}"));
            }
            serde_json::Value::Array(question) => {
                found.insert(format!("q-{}", question[0].as_str().unwrap()));
                names(&question[1], found);
                names(&question[2], found);
            }
            other => panic!("{other}"),
        }
    }
    let mut needed = BTreeSet::new();
    for age in 15..=26 {
        names(&tree[age.to_string()], &mut needed);
    }
    for name in &needed {
        assert!(
            parts.contains_key(name),
            "the tree leads to {name}, which the file lacks"
        );
    }
    assert!(needed.len() > 40, "{needed:?}");
    // An end in the first page lists the same cards as its own page.
    for (words, end) in [
        (&["17", "Yes", "Yes"][..], "e-17-eligible"),
        (&["22", "Yes", "Yes", "No"], "e-22-former-relevant"),
    ] {
        let own = page(&outputs, &tap(&outputs, words));
        let part = &parts[end];
        assert_eq!(texts(part, "h1"), texts(&own, "main h1"), "{end}");
        let keys: Vec<String> = part
            .select(&Selector::parse("[data-cards]").unwrap())
            .flat_map(|ul| ul.value().attr("data-cards").unwrap_or_default().split_whitespace())
            .map(|key| key.to_string())
            .collect();
        let shown: BTreeSet<String> = keys
            .iter()
            .flat_map(|key| texts(&parts[&format!("card-{key}")], ".card-title"))
            .collect();
        assert_eq!(shown, listed(&own), "{end}");
    }
}
