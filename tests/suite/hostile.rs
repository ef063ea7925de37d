//! Content is hostile until proven otherwise: links out of the content
//! folder, characters no font has, links that run code, numbers that cannot
//! be dialled. Each is reported with its file and line, by `check` first and
//! by `build` the same, and never crashes or half-writes the site.

use crate::common;

use std::fs;
use std::path::Path;

/// Runs `check` and `build` and returns what each printed, asserting both
/// exit with `code`.
fn check_and_build(dir: &Path, code: i32) -> (String, String) {
    let check = common::promise(dir, &["check", "--today", "2026-11-22"]);
    let build = common::promise(dir, &["build", "--today", "2026-11-22"]);
    assert_eq!(check.status.code(), Some(code), "check: {}", common::stderr(&check));
    assert_eq!(build.status.code(), Some(code), "build: {}", common::stderr(&build));
    let (check, build) = (common::stderr(&check), common::stderr(&build));
    // Each problem is said once by each: the same list from both.
    let problems = |said: &str| {
        said.lines()
            .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(problems(&check), problems(&build), "check: {check}\nbuild: {build}");
    (check, build)
}

/// Asserts that what `check` and what `build` printed both hold every part.
fn both_say(check: &str, build: &str, parts: &[&str]) {
    for text in [check, build] {
        for part in parts {
            assert!(text.contains(part), "{part} not in {text}");
        }
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_the_content_folder_are_refused_and_never_quoted() {
    use std::os::unix::fs::symlink;
    let dir = common::copy_of_example();
    let secret = tempfile::tempdir().unwrap();
    let outside = secret.path().join("passwords.txt");
    fs::write(&outside, "---\ntitle: hunter2\n---\nhunter2 the secret\n").unwrap();
    let content = dir.path().join("content");
    symlink(&outside, content.join("images/x.png")).unwrap();
    symlink(&outside, content.join("pages/secret.md")).unwrap();
    fs::create_dir_all(content.join("theme/templates")).unwrap();
    symlink(&outside, content.join("theme/templates/page.html")).unwrap();
    // A link inside the folder is only another name for a file in it.
    symlink(content.join("pages/about.md"), content.join("pages/about-us.md")).unwrap();

    let (check, build) = check_and_build(dir.path(), 1);
    for text in [&check, &build] {
        let refused = "error[outside-content]: this file is a link to a file outside the content folder";
        assert_eq!(text.matches(refused).count(), 3, "{text}");
        for file in ["images/x.png", "pages/secret.md", "theme/templates/page.html"] {
            assert!(text.contains(&format!("content/{file}")), "{file} not named in {text}");
        }
        assert!(!text.contains("hunter2"), "the outside file was quoted: {text}");
        assert!(!text.contains("about-us"), "a link inside the folder is fine: {text}");
    }
    assert!(!dir.path().join("public").exists());
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("content").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn phone_numbers_dial_the_number_and_never_the_extension() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "site.toml",
        "\"0113 496 0202\"",
        "\"0113 496 0202 (ext. 23)\"",
    );
    edit(dir.path(), "site.toml", "\"0113 496 0101\"", "\"+44 (0)113 496 0101\"");
    let out = common::promise(dir.path(), &["build", "--no-leaflets", "--today", "2026-11-22"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = fs::read_to_string(dir.path().join("public/contacts/index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let calls: Vec<(String, String)> = page
        .select(&scraper::Selector::parse("a[href^='tel:']").unwrap())
        .map(|a| (a.value().attr("href").unwrap().to_string(), a.text().collect()))
        .collect();
    assert!(
        calls.contains(&("tel:+441134960202".into(), "Call 0113 496 0202".into())),
        "{calls:?}"
    );
    assert!(
        calls.contains(&("tel:+441134960101".into(), "Call 0113 496 0101".into())),
        "{calls:?}"
    );
    assert!(html.contains("ask for extension 23"), "{html}");
}

/// `content/site.toml:N:`, where N is the line of site.toml that holds `text`.
fn site_line(dir: &Path, text: &str) -> String {
    let site = fs::read_to_string(dir.join("content/site.toml")).unwrap();
    let line = site.lines().position(|l| l.contains(text)).unwrap() + 1;
    format!("content/site.toml:{line}:")
}

#[test]
fn numbers_that_cannot_be_called_or_charge_are_errors_at_their_line() {
    let dir = common::copy_of_example();
    edit(dir.path(), "site.toml", "\"0113 496 0202\"", "\"call us!\"");
    edit(dir.path(), "site.toml", "\"0113 496 0999\"", "\"0909 879 0000\"");
    let (call, premium) = (
        site_line(dir.path(), "call us!"),
        site_line(dir.path(), "0909 879 0000"),
    );
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-phone]: \"call us!\" is not a phone number that can be called",
            &call,
            "error[bad-phone]: \"0909 879 0000\" is a premium-rate number",
            &premium,
        ],
    );
}

#[test]
fn a_bad_number_is_reported_with_the_other_mistakes_in_site_toml() {
    let dir = common::copy_of_example();
    edit(dir.path(), "site.toml", "\"0113 496 0202\"", "\"call us!\"");
    edit(
        dir.path(),
        "site.toml",
        "\"https://www.bbc.co.uk/weather\"",
        "\"www.bbc.co.uk/weather\"",
    );
    let (exit, call) = (
        site_line(dir.path(), "www.bbc.co.uk/weather"),
        site_line(dir.path(), "call us!"),
    );
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-exit-url]: \"www.bbc.co.uk/weather\" is not a web address starting with https://",
            &exit,
            "error[bad-phone]: \"call us!\" is not a phone number that can be called",
            &call,
        ],
    );
}

#[test]
fn links_that_run_code_or_cannot_be_called_are_errors_at_their_line() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "pages/about.md",
        "\n---\n",
        "\n---\nCall [the team](tel:0113-496) or [play](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n",
    );
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-phone]: \"0113-496\" has too few digits to be a UK phone number",
            "content/pages/about.md:5:6",
            "error[unsafe-link]: a link that starts with \"javascript:\" cannot be used on the site",
            "content/pages/about.md:5:34",
            "warning[raw-html]: this HTML is shown on the page as typed",
            "content/pages/about.md:7:1",
        ],
    );
}

#[test]
fn no_character_a_young_person_can_type_stops_the_site() {
    let dir = common::copy_of_example();
    fs::write(
        dir.path().join("content/promises/0-11/feelings.md"),
        "---\ntitle: Your feelings 😀\nsummary: It is OK to feel sad 😢 or happy 👍🏽.\nicon: heart\n---\n\
         - We will listen 👨‍👩‍👧 🏳️‍🌈 🇬🇧 ❤️ to you, Zoë.\n- مرحبا and ሰላም and 你好 and नमस्ते\n",
    )
    .unwrap();
    edit(
        dir.path(),
        "messages/words-we-use.md",
        "\n---\n",
        "\n---\nWe said 🙌 and they listened.\n\n",
    );
    let (check, build) = check_and_build(dir.path(), 0);
    for text in [&check, &build] {
        // Emoji, Arabic and Ethiopic letters have fonts; Chinese and
        // Devanagari have none.
        let warnings: Vec<&str> = text.lines().filter(|l| l.contains("leaflet-character")).collect();
        assert_eq!(warnings.len(), 1, "{text}");
        assert!(
            warnings[0].contains("the leaflets have no letter for \"你\" (U+4F60) and 7 other characters on this line, so they are printed as"),
            "{text}"
        );
        assert!(text.contains("content/promises/0-11/feelings.md:7:21"), "{text}");
    }
    let pdf = fs::read(dir.path().join("public/leaflets/0-11.pdf")).unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let fonts = common::pdf_fonts(&document);
    for font in ["NotoEmoji", "Amiri", "NotoSansEthiopic"] {
        assert!(fonts.iter().any(|f| f.contains(font)), "{font} not in {fonts:?}");
    }
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).unwrap();
    assert!(text.contains("ሰላም"), "the Tigrinya word is printed as itself: {text}");
}

#[test]
fn the_language_is_a_real_language_tag() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "site.toml",
        "language = \"en-GB\"",
        "language = \"english\"",
    );
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-language]: \"english\" is not a language tag",
            "content/site.toml:",
        ],
    );
    // Welsh has no region, Latin American Spanish a region of digits: both
    // are good tags, and both make leaflets.
    for good in ["cy", "es-419"] {
        let site = dir.path().join("content/site.toml");
        let text = fs::read_to_string(&site).unwrap();
        let text: Vec<String> = text
            .lines()
            .map(|l| {
                if l.starts_with("language = ") {
                    format!("language = \"{good}\"")
                } else {
                    l.to_string()
                }
            })
            .collect();
        fs::write(&site, text.join("\n")).unwrap();
        let out = common::promise(dir.path(), &["build", "--today", "2026-11-22"]);
        assert!(out.status.success(), "{good}: {}", common::stderr(&out));
    }
}

#[test]
fn a_councils_drawings_are_checked_like_pictures() {
    let dir = common::copy_of_example();
    let theme = dir.path().join("content/theme");
    fs::create_dir_all(theme.join("illustrations")).unwrap();
    fs::create_dir_all(theme.join("icons")).unwrap();
    fs::write(
        theme.join("illustrations/shield.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\">\n<circle r=\"4\" onload=\"alert(1)\"/></svg>",
    )
    .unwrap();
    fs::write(
        theme.join("icons/bus.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/p.png\"/></svg>",
    )
    .unwrap();
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[unsafe-svg]: this SVG picture has an onload attribute, which runs code",
            "content/theme/illustrations/shield.svg:2:15",
            "error[unsafe-svg]: this SVG picture has a link to another file or website",
            "content/theme/icons/bus.svg",
        ],
    );
    assert!(!dir.path().join("public/0-11/keeping-safe/index.html").exists());
}

#[test]
fn a_councils_own_illustration_is_drawn_in_the_bands_colours() {
    let dir = common::copy_of_example();
    let theme = dir.path().join("content/theme/illustrations");
    fs::create_dir_all(&theme).unwrap();
    fs::write(
        theme.join("shield.svg"),
        "<!-- drawn by J. Smith, C:\\Users\\jsmith -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\"><metadata>home folder</metadata><circle class=\"a\" fill=\"#123456\" r=\"4\"/></svg>",
    )
    .unwrap();
    let build = common::promise(dir.path(), &["build", "--today", "2026-11-22"]);
    assert_eq!(build.status.code(), Some(0), "{}", common::stderr(&build));
    let page = fs::read_to_string(dir.path().join("public/0-11/keeping-safe/index.html")).unwrap();
    assert!(
        page.contains("<circle class=\"a\" fill=\"#123456\" r=\"4\"/>"),
        "{page}"
    );
    assert!(!page.contains("jsmith") && !page.contains("home folder"));
}

#[test]
fn a_file_larger_than_any_page_or_picture_needs_is_refused_unread() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    // Sparse: 200 MB that takes no room on the disk, and would take 200 MB
    // of memory to read.
    let huge = fs::File::create(content.join("pages/huge.md")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    let poster = fs::File::create(content.join("images/poster.png")).unwrap();
    poster.set_len(40 * 1024 * 1024).unwrap();
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[file-too-large]: this file is 200 MB, more than promise reads (2 MB), so it is not used",
            "content/pages/huge.md",
            "no page needs this many words",
            "error[file-too-large]: this file is 40 MB, more than promise reads (32 MB), so it is not used",
            "content/images/poster.png",
        ],
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn an_email_address_mail_cannot_reach_is_an_error_at_its_line() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "site.toml",
        "\"rights@westmere.example\"",
        "\"rights at westmere\"",
    );
    let at = site_line(dir.path(), "rights at westmere");
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-email]: \"rights at westmere\" is not an email address",
            &at,
            "write the whole address with no spaces",
        ],
    );
    edit(
        dir.path(),
        "site.toml",
        "\"rights at westmere\"",
        "\"rights@westmere.example\"",
    );
    edit(
        dir.path(),
        "pages/about.md",
        "\n---\n",
        "\n---\nWrite to [the team](mailto:team@westmere).\n\n",
    );
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &[
            "error[bad-email]: \"team@westmere\" has no full domain after the @, so mail cannot reach it",
            "content/pages/about.md:5:",
        ],
    );
}

#[test]
fn a_drawing_with_a_doctype_and_a_template_with_an_unknown_name_are_said_in_plain_words() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    fs::write(
        content.join("images/badge.svg"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;</text></svg>\n",
    )
    .unwrap();
    edit(
        dir.path(),
        "pages/about.md",
        "\n---\n",
        "\n---\n![Our badge](/images/badge.svg)\n\n",
    );
    let (check, build) = check_and_build(dir.path(), 1);
    // Refused, it is one error, not a second one where the page shows it.
    assert!(
        !check.contains("missing-image") && !build.contains("missing-image"),
        "{check}"
    );
    both_say(
        &check,
        &build,
        &[
            "error[bad-picture]: this SVG picture starts with a <!DOCTYPE ...> declaration",
            "--> content/pages/about.md:",
            "images/badge.svg in the content folder",
            "delete the line that starts with <!DOCTYPE",
        ],
    );
    assert!(!check.contains("DTD detected"), "{check}");

    fs::remove_file(content.join("images/badge.svg")).unwrap();
    fs::create_dir_all(content.join("theme/templates")).unwrap();
    let page = std::str::from_utf8(promise::render::theme::Theme::built_in("templates/page.html").unwrap())
        .unwrap()
        .replacen("{% block main %}", "{% block main %}{{ page.subtitel }}", 1);
    fs::write(content.join("theme/templates/page.html"), page).unwrap();
    let (check, build) = check_and_build(dir.path(), 1);
    both_say(
        &check,
        &build,
        &["it uses \"page.subtitel\", which promise does not give this template"],
    );
    // Every page made with the template fails: it is one error all the same.
    assert_eq!(check.matches("page.subtitel").count(), 1, "{check}");
    assert!(!build.contains("not found in context"), "{build}");
}
