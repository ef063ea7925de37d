//! `promise check`, as the participation team runs it before publishing: each
//! kind of finding, where it points, the fix it offers, and what stops a build.

use crate::common;

use std::fs;
use std::path::Path;

use serde_json::Value;

/// The day these tests take as today, so entries do not fall due as the
/// calendar moves on.
const TODAY: &str = "2026-11-22";

/// Runs `promise check --format json` on the content in `dir` and returns the
/// exit code and the findings.
fn check(dir: &Path, extra: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["check", "--format", "json"];
    if !extra.contains(&"--today") {
        args.extend(["--today", TODAY]);
    }
    args.extend(extra);
    let out = common::promise(dir, &args);
    let text = String::from_utf8(out.stdout).unwrap();
    let found: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code().unwrap(), found.as_array().unwrap().clone())
}

/// The findings with this code.
fn with_code<'a>(found: &'a [Value], code: &str) -> Vec<&'a Value> {
    found.iter().filter(|d| d["code"] == code).collect()
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join("content").join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    common::replace(&dir.join("content").join(file), from, to);
}

const PAGE: &str = "---\ntitle: Test\norder: 9\nsummary: A test.\nicon: star\n---\n";

#[test]
fn the_example_has_nothing_to_fix_but_its_photo_and_what_is_not_in_arabic_yet() {
    let (code, found) = check(&common::example(), &["--content", "."]);
    assert_eq!(code, 0);
    // The example's photo carries a GPS position on purpose, to show the
    // team the warning; its published copies carry none (pictures.rs).
    // Only one band and three entries are in Arabic, as a sample.
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["untranslated", "picture-location"], "{found:#?}");
    assert_eq!(found[1]["file"], "images/park.jpg");
}

#[test]
fn words_to_avoid_are_found_with_a_fix_in_the_same_capitals() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "promises/0-11/test.md",
        &format!(
            "{PAGE}- We will find you a Placement near your school.\n- Your LAC review is about you.\n- Call 0113 496 0101 or see https://x.example/placement.\n- We can `placement` and contact us.\n"
        ),
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    let placement = with_code(&found, "placement");
    assert_eq!(placement.len(), 1, "{found:#?}");
    let p = placement[0];
    assert_eq!(p["file"], "promises/0-11/test.md");
    assert_eq!((p["line"].as_u64(), p["column"].as_u64()), (Some(7), Some(22)));
    assert_eq!(p["severity"], "warning");
    assert_eq!(p["suggestion"], "Home");
    assert!(p["help"].as_str().unwrap().contains("<!-- allow: placement -->"));
    // The longer phrase wins, and LAC alone is not also reported.
    let review = with_code(&found, "lac-review");
    assert_eq!(review.len(), 1);
    assert_eq!(review[0]["suggestion"], "my review");
    assert!(with_code(&found, "lac").is_empty(), "{found:#?}");
    assert!(with_code(&found, "contact").is_empty(), "contact us is fine");
    assert_eq!(code, 0, "warnings alone pass");
    let (strict, _) = check(dir.path(), &["--content", "content", "--strict"]);
    assert_eq!(strict, 1, "--strict fails on warnings");
}

#[test]
fn an_allow_comment_silences_a_rule_for_its_line_or_block() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "promises/0-11/test.md",
        &format!(
            "{PAGE}<!-- allow: placement -->\n- A placement.\n- Another placement.\n\nA placement. <!-- allow: placement -->\n\nA last placement.\n"
        ),
    );
    let (_, found) = check(dir.path(), &["--content", "content"]);
    let lines: Vec<u64> = with_code(&found, "placement")
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![13]);
}

#[test]
fn a_councils_own_word_list_replaces_the_built_in_one() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "words.toml",
        "[[rules]]\nid = \"carers\"\nwords = [\"carers\"]\nprefer = [\"the people who look after you\"]\nreason = \"We asked.\"\nseverity = \"error\"\nbands = [\"0-11\"]\n",
    );
    write(
        dir.path(),
        "promises/0-11/test.md",
        &format!("{PAGE}- Your carers and your placement.\n"),
    );
    write(dir.path(), "promises/16-25/test.md", &format!("{PAGE}- Your carers.\n"));
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1, "the rule is an error");
    let files: Vec<&str> = with_code(&found, "carers")
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(files.contains(&"promises/0-11/test.md"), "{files:?}");
    assert!(!files.contains(&"promises/16-25/test.md"), "the rule is for 0-11 only");
    assert!(with_code(&found, "placement").is_empty());

    write(
        dir.path(),
        "words.toml",
        "[[rules]]\nid = \"x\"\nwords = [\"x\"]\nreason = \"r\"\nbands = [\"0-12\"]\n",
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let bad = with_code(&found, "unknown-band");
    assert_eq!(
        (bad[0]["file"].as_str(), bad[0]["line"].as_u64()),
        (Some("words.toml"), Some(5))
    );
    assert!(bad[0]["help"].as_str().unwrap().contains("did you mean \"0-11\""));
}

#[test]
fn long_sentences_and_long_words_for_the_youngest() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "promises/0-11/test.md",
        &format!(
            "{PAGE}- We will always make sure that you have somebody kind to talk to whenever you feel sad or worried about things.\n- Unfortunately it rains.\n- Unfortunately it snows.\n"
        ),
    );
    write(
        dir.path(),
        "promises/16-25/test.md",
        &format!(
            "{PAGE}- We will always make sure that you have somebody kind to talk to whenever you feel sad or worried.\n- Unfortunately it rains.\n"
        ),
    );
    let (_, found) = check(dir.path(), &["--content", "content"]);
    let long = with_code(&found, "sentence-length");
    assert_eq!(
        long.len(),
        1,
        "21 words is too long at 0-11 but not at 16-25: {found:#?}"
    );
    assert_eq!(long[0]["file"], "promises/0-11/test.md");
    assert_eq!(
        (long[0]["line"].as_u64(), long[0]["column"].as_u64()),
        (Some(7), Some(3))
    );
    assert!(long[0]["message"].as_str().unwrap().contains("21 words"));
    let words = with_code(&found, "long-word");
    assert_eq!(words.len(), 1, "{found:#?}");
    assert_eq!(words[0]["file"], "promises/0-11/test.md");
    assert!(words[0]["message"].as_str().unwrap().contains("Unfortunately"));
    // Said once, where it is first used, with how often it is.
    assert_eq!(words[0]["line"].as_u64(), Some(8), "{found:#?}");
    assert!(
        words[0]["label"].as_str().unwrap().contains("used 2 times"),
        "{found:#?}"
    );
}

#[test]
fn a_hard_page_gets_its_grade() {
    let dir = common::copy_of_example();
    let hard =
        "Consequently, the organisation's administrative responsibilities necessitate comprehensive documentation. ";
    write(
        dir.path(),
        "pages/hard.md",
        &format!("---\ntitle: Hard\n---\n{}\n", hard.repeat(20)),
    );
    let (_, found) = check(dir.path(), &["--content", "content"]);
    let grade = with_code(&found, "reading-level");
    assert_eq!(grade.len(), 1, "{found:#?}");
    assert_eq!(grade[0]["file"], "pages/hard.md");
    assert!(
        grade[0]["message"]
            .as_str()
            .unwrap()
            .contains("pages for age 12 to 15 should be at grade 5")
    );
}

#[test]
fn an_old_review_is_a_warning_from_the_day_it_falls_due() {
    let dir = common::copy_of_example();
    // advocacy.md was reviewed on 2026-04-18.
    let (_, found) = check(dir.path(), &["--content", "content", "--today", "2027-04-18"]);
    assert!(
        found.iter().all(|d| d["file"] != "local-offer/advocacy.md"),
        "{found:#?}"
    );
    let (code, found) = check(dir.path(), &["--content", "content", "--today", "2027-04-19"]);
    let due: Vec<&Value> = with_code(&found, "review-due")
        .into_iter()
        .filter(|d| d["file"] == "local-offer/advocacy.md")
        .collect();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0]["line"].as_u64(), due[0]["column"].as_u64()),
        (Some(9), Some(11))
    );
    assert_eq!(code, 0);
}

#[test]
fn an_empty_area_and_a_missing_complaints_page_stop_the_build() {
    let dir = common::copy_of_example();
    fs::remove_file(dir.path().join("content/pages/how-to-complain.md")).unwrap();
    for entry in ["apprenticeships", "work-experience"] {
        fs::remove_file(dir.path().join(format!("content/local-offer/{entry}.md"))).unwrap();
    }
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let empty = with_code(&found, "empty-area");
    assert_eq!(empty.len(), 1, "{found:#?}");
    assert_eq!(empty[0]["file"], "site.toml");
    assert_eq!(empty[0]["line"].as_u64(), Some(50));
    assert_eq!(with_code(&found, "no-complaints-page").len(), 1);
    let built = common::promise(dir.path(), &["build"]);
    assert_eq!(built.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
}

#[test]
fn links_anchors_and_pictures_must_lead_somewhere() {
    let dir = common::copy_of_example();
    fs::create_dir_all(dir.path().join("content/images")).unwrap();
    fs::write(dir.path().join("content/images/park.png"), common::png(4, 3)).unwrap();
    write(
        dir.path(),
        "pages/links.md",
        "---\ntitle: Links\n---\n[Keeping safe](/0-11/keeping-safe/#we-will-find-you-a-safe)\n\n[Money](/local-offer/mony/)\n\n[Nothing](/0-11/keeping-safe/#no-such-promise)\n\n![A park](/images/park.png)\n\n![A pond](/images/pond.png)\n\n[Home](../)\n",
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let lines = |code: &str| -> Vec<u64> {
        with_code(&found, code)
            .iter()
            .map(|d| d["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(lines("broken-link"), vec![6, 8], "{found:#?}");
    assert_eq!(lines("missing-image"), vec![12]);
    let anchor = &with_code(&found, "broken-link")[1];
    assert!(anchor["message"].as_str().unwrap().contains("#no-such-promise"));
}

#[test]
fn authored_accessibility_problems_go_in_the_statement() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "pages/help.md",
        "---\ntitle: Help\n---\n## Call us\n\nCall 0113 496 0101.\n\n#### Opening times\n\nSee [here](/contacts/).\n\n![decorative](/images/x.png)\n",
    );
    fs::create_dir_all(dir.path().join("content/images")).unwrap();
    fs::write(dir.path().join("content/images/x.png"), common::png(4, 3)).unwrap();
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 0, "{found:#?}");
    let phone = &with_code(&found, "phone-link")[0];
    assert_eq!(phone["suggestion"], "[0113 496 0101](tel:+441134960101)");
    assert_eq!((phone["line"].as_u64(), phone["column"].as_u64()), (Some(6), Some(6)));
    assert_eq!(with_code(&found, "heading-skip")[0]["line"].as_u64(), Some(8));
    assert_eq!(with_code(&found, "link-text")[0]["line"].as_u64(), Some(10));

    let built = common::promise(dir.path(), &["build", "--no-leaflets", "--today", TODAY]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    let html = fs::read_to_string(dir.path().join("public/accessibility/index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let items: Vec<String> = page
        .select(&scraper::Selector::parse("main li").unwrap())
        .map(|li| li.text().collect())
        .collect();
    assert!(
        items.contains(&"Help: A phone number cannot be tapped to call it.".to_string()),
        "{items:#?}"
    );
    assert!(html.contains("partially compliant"));
    let help = fs::read_to_string(dir.path().join("public/help/index.html")).unwrap();
    let help = scraper::Html::parse_document(&help);
    let img = help
        .select(&scraper::Selector::parse("main img").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        img.value().attr("alt"),
        Some(""),
        "a decorative picture has an empty alt"
    );
}

#[test]
fn the_statement_claims_full_compliance_only_after_an_audit() {
    let statement = |content: &Path| {
        let built = promise::render_site(
            content,
            &promise::Options {
                leaflets: false,
                today: TODAY.parse().unwrap(),
                ..Default::default()
            },
        )
        .unwrap();
        String::from_utf8(built.outputs["accessibility/index.html"].clone()).unwrap()
    };
    // The example has had no audit by a person: its checks find nothing,
    // and it says so without claiming more.
    let html = statement(&common::example());
    assert!(html.contains("partially compliant with the Web Content Accessibility Guidelines version 2.2, level AA. Our checks found no problems, but no person has yet checked it by hand"), "{html}");
    assert!(!html.contains("fully compliant"));
    assert!(
        html.contains("Every page was last tested on 22 November 2026"),
        "{html}"
    );
    assert!(html.contains("No person has checked the website by hand yet."));

    let dir = common::copy_of_example();
    let site = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        format!("{text}\n[accessibility]\naudited = 2026-10-01\nby = \"Able Audits\"\n"),
    )
    .unwrap();
    let audited = statement(&dir.path().join("content"));
    assert!(audited.contains(
        "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2, level AA."
    ));
    assert!(audited.contains("Able Audits checked the website by hand on 1 October 2026."));

    fs::write(&site, format!("{text}\n[accessibility]\naudited = 2026-10-01\n")).unwrap();
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    assert_eq!(with_code(&found, "bad-audit").len(), 1, "{found:#?}");
}

#[test]
fn the_statement_names_its_contact_and_is_linked_from_every_page() {
    let built = promise::render_site(
        &common::example(),
        &promise::Options {
            leaflets: false,
            ..Default::default()
        },
    )
    .unwrap();
    let html = String::from_utf8(built.outputs["accessibility/index.html"].clone()).unwrap();
    assert!(
        html.contains("Participation Team"),
        "the accessibility contact is named"
    );
    let home = String::from_utf8(built.outputs["index.html"].clone()).unwrap();
    assert!(home.contains("accessibility/index.html"));
}

#[test]
fn theme_colours_that_do_not_contrast_are_errors() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "theme/static/site.css",
        ":root {\n  --text: #1a1a1a;\n  --bg: #fff;\n  --muted: #999;\n}\n",
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let faint = with_code(&found, "contrast");
    assert_eq!(faint.len(), 1, "{found:#?}");
    assert_eq!(faint[0]["file"], "theme/static/site.css");
    assert_eq!(
        (faint[0]["line"].as_u64(), faint[0]["column"].as_u64()),
        (Some(4), Some(12))
    );
    assert_eq!(faint[0]["severity"], "error");
}

#[test]
fn a_template_without_its_h1_is_an_error() {
    let dir = common::copy_of_example();
    let page = fs::read_to_string(common::example().join("../themes/default/templates/page.html")).unwrap();
    write(
        dir.path(),
        "theme/templates/page.html",
        &page.replace("<h1", "<h2").replace("</h1>", "</h2>"),
    );
    assert!(page.contains("<h1"), "the page template has an h1 to take away");
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let pages: Vec<&str> = with_code(&found, "one-h1")
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        pages.contains(&"the page privacy/index.html has 0 main headings (h1) instead of one"),
        "{pages:#?}"
    );
}

#[test]
fn human_output_reads_like_a_compiler() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "promises/0-11/keeping-safe.md",
        "safe and happy home",
        "safe and happy placement",
    );
    let out = common::promise(dir.path(), &["check", "--today", TODAY]);
    let text = common::stderr(&out);
    assert!(
        text.contains("warning[placement]: \"placement\" is on the list of words to avoid"),
        "{text}"
    );
    assert!(text.contains("promises/0-11/keeping-safe.md:9:"), "{text}");
    assert!(text.contains("write \"home\""), "{text}");
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.starts_with("Checked 497 pages: 0 errors and 3 warnings."),
        "{summary}"
    );
}

#[test]
fn theme_colours_that_cannot_be_read_are_pointed_out() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "theme/static/site.css",
        ":root {\n  --text: #1a1a1a;\n  --bg: not-a-colour;\n}\n",
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 0, "{found:#?}");
    let unread = with_code(&found, "bad-colour");
    assert_eq!(unread.len(), 1, "{found:#?}");
    assert!(
        unread[0]["message"]
            .as_str()
            .unwrap()
            .contains("--bg is \"not-a-colour\"")
    );
    assert_eq!(
        (unread[0]["line"].as_u64(), unread[0]["column"].as_u64()),
        (Some(3), Some(9))
    );
}

#[test]
fn dates_that_have_not_come_yet_are_pointed_out() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "local-offer/staying-put.md",
        "reviewed: 2026-",
        "reviewed: 2062-",
    );
    edit(dir.path(), "messages/words-we-use.md", "said: 20", "said: 29");
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 0);
    let future = with_code(&found, "future-date");
    let files: Vec<&str> = future.iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        ["local-offer/staying-put.md", "messages/words-we-use.md"],
        "{found:#?}"
    );
    assert!(
        future[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("\"reviewed\" is 2062-")
    );
}

#[test]
fn anchors_keep_their_letters_and_a_near_miss_is_suggested() {
    let dir = common::copy_of_example();
    write(
        dir.path(),
        "promises/0-11/talking.md",
        &format!("{PAGE}- You can talk to Zoë or your carer.\n"),
    );
    write(
        dir.path(),
        "pages/links.md",
        "---\ntitle: Links\n---\n[Talk to Zoë](/0-11/talking/#you-can-talk-to-zoë-or)\n\n[Talk](/0-11/talking/#you-can-talk-to-zoe-or)\n",
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let broken = with_code(&found, "broken-link");
    assert_eq!(broken.len(), 1, "{found:#?}");
    assert_eq!(broken[0]["line"], 6);
    assert!(
        broken[0]["help"]
            .as_str()
            .unwrap()
            .contains("did you mean #you-can-talk-to-zoë-or?"),
        "{:#?}",
        broken[0]
    );
    write(
        dir.path(),
        "pages/links.md",
        "---\ntitle: Links\n---\n[Talk to Zoë](/0-11/talking/#you-can-talk-to-zoë-or)\n",
    );
    let out = common::promise(dir.path(), &["build", "--no-leaflets", "--today", TODAY]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = fs::read_to_string(dir.path().join("public/links/index.html")).unwrap();
    assert!(
        html.contains("href=\"../0-11/talking/index.html#you-can-talk-to-zo%C3%AB-or\""),
        "{html}"
    );
    let page = fs::read_to_string(dir.path().join("public/0-11/talking/index.html")).unwrap();
    assert!(page.contains("id=\"you-can-talk-to-zoë-or\""), "{page}");
}

#[test]
fn front_matter_sentences_and_a_bands_promises_together_are_graded() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "local-offer/staying-put.md",
        "how_to_get_it: \"Talk",
        "how_to_get_it: \"Talk to your social worker and your foster carers and your personal adviser and anyone else who helps you, and",
    );
    // Each 0-11 page is too short to grade alone; together they are not.
    for page in [
        "keeping-safe",
        "keeping-healthy",
        "school-and-play",
        "family-and-friends",
        "being-listened-to",
    ] {
        edit(
            dir.path(),
            &format!("promises/0-11/{page}.md"),
            "\n- ",
            "\n- Responsibilities, opportunities and organisations communicate individually.\n- ",
        );
    }
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 0);
    let long = with_code(&found, "sentence-length");
    assert_eq!(long.len(), 1, "{found:#?}");
    assert_eq!(long[0]["file"], "local-offer/staying-put.md");
    assert_eq!(
        (long[0]["line"].as_u64(), long[0]["column"].as_u64()),
        (Some(8), Some(16))
    );
    let band: Vec<&Value> = with_code(&found, "reading-level")
        .into_iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("the promises for age 11 and under, read together")
        })
        .collect();
    assert_eq!(band.len(), 1, "{found:#?}");
    assert!(band[0]["file"].as_str().unwrap().starts_with("promises/0-11/"));
}

#[test]
fn safety_and_contacts_on_a_promise_page_are_checked() {
    let dir = common::copy_of_example();
    edit(
        dir.path(),
        "promises/0-11/keeping-safe.md",
        "safety: true",
        "safety: maybe\ncontacts: [out-of-hour]",
    );
    let (code, found) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    let safety = with_code(&found, "bad-field");
    assert_eq!(safety.len(), 1, "{found:#?}");
    assert_eq!(safety[0]["message"], "\"safety\" should be true or false");
    assert_eq!(safety[0]["line"], 7);
    let contact = with_code(&found, "unknown-contact");
    assert_eq!(contact.len(), 1, "{found:#?}");
    assert_eq!(contact[0]["line"], 8);
    assert!(contact[0]["help"].as_str().unwrap().contains("out-of-hours"));
}

/// Adds lines to the example's site.toml.
fn append_to_site(dir: &Path, extra: &str) {
    let site = dir.join("content/site.toml");
    let mut text = fs::read_to_string(&site).unwrap();
    text.push_str(extra);
    fs::write(site, text).unwrap();
}

#[test]
fn a_translation_keeps_what_its_original_says() {
    let dir = common::copy_of_example();
    let (code, found) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{found:#?}");
    let untranslated = with_code(&found, "untranslated");
    assert_eq!(untranslated.len(), 1, "{found:#?}");
    assert!(
        untranslated[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("41 of 49 files are not in العربية (ar) yet"),
        "{untranslated:#?}"
    );
    assert!(untranslated[0]["help"].as_str().unwrap().contains(".ar.md"));

    // The order and the icon are the original's, whatever the language.
    edit(dir.path(), "promises/12-15/a-safe-home.ar.md", "order: 1", "order: 4");
    edit(
        dir.path(),
        "promises/12-15/a-safe-home.ar.md",
        "icon: home",
        "icon: star",
    );
    let entry = fs::read_to_string(dir.path().join("content/local-offer/council-tax.md")).unwrap();
    write(dir.path(), "local-offer/bus-pass.ar.md", &entry);
    let (code, found) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    let differs = with_code(&found, "translation-differs");
    assert_eq!(differs.len(), 2, "{found:#?}");
    assert_eq!(
        differs[0]["message"],
        "\"order\" is \"4\" here but \"1\" in a-safe-home.md"
    );
    assert_eq!(differs[0]["file"], "promises/12-15/a-safe-home.ar.md");
    assert_eq!(differs[0]["line"], 3);
    assert_eq!(differs[1]["line"], 5);
    let orphan = with_code(&found, "no-original");
    assert_eq!(orphan.len(), 1, "{found:#?}");
    assert_eq!(
        orphan[0]["message"],
        "this is a translation of bus-pass.md, which is not in the same folder"
    );
}

#[test]
fn languages_in_site_toml_are_checked() {
    let dir = common::copy_of_example();
    append_to_site(
        dir.path(),
        "\n[[languages]]\ncode = \"ps\"\nname = \"پښتو\"\ndir = \"up\"\n\n[[languages]]\ncode = \"en-GB\"\nname = \"English\"\n\n[[languages]]\ncode = \"arabic\"\nname = \"x\"\n\n[[languages]]\ncode = \"AR\"\nname = \"x\"\n",
    );
    let (code, found) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(with_code(&found, "bad-direction").len(), 1, "{found:#?}");
    let duplicate = with_code(&found, "duplicate-language");
    let messages: Vec<&str> = duplicate.iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert_eq!(
        messages,
        ["\"en-GB\" is the site's own language", "\"AR\" is listed twice"]
    );
    let bad = with_code(&found, "bad-language");
    assert!(
        bad[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("\"arabic\" is not a language tag")
    );
}

#[test]
fn a_file_named_for_a_language_the_site_does_not_have_says_how_to_add_it() {
    let dir = common::copy_of_example();
    let arabic = fs::read_to_string(dir.path().join("content/promises/12-15/a-safe-home.ar.md")).unwrap();
    write(dir.path(), "promises/12-15/a-safe-home.ps.md", &arabic);
    let (code, found) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    let bad = with_code(&found, "bad-file-name");
    assert_eq!(bad.len(), 1, "{found:#?}");
    assert!(
        bad[0]["help"]
            .as_str()
            .unwrap()
            .contains("name its language in [[languages]]")
    );
}

#[test]
fn a_translation_is_checked_like_its_original_but_in_its_own_language() {
    let dir = common::copy_of_example();
    append_to_site(dir.path(), "\n[[languages]]\ncode = \"cy\"\nname = \"Cymraeg\"\n");
    let original = fs::read_to_string(dir.path().join("content/promises/0-11/keeping-safe.md")).unwrap();
    write(
        dir.path(),
        "promises/0-11/keeping-safe.cy.md",
        &format!(
            "{original}\nByddwn ni bob amser yn gwneud yn siŵr bod gennych chi rywun caredig i siarad â nhw pan fyddwch chi'n teimlo'n drist neu'n poeni am bethau, a byddwn ni'n gwrando.\n\nDim lleoliad, dim placement.\n\n[Arian](/local-offer/mony/)\n\n![](/images/park.jpg)\n"
        ),
    );
    let (code, found) = check(dir.path(), &["--content", "content"]);
    assert_eq!(code, 1);
    let in_welsh = |code: &str| -> Vec<u64> {
        with_code(&found, code)
            .iter()
            .filter(|d| d["file"] == "promises/0-11/keeping-safe.cy.md")
            .map(|d| d["line"].as_u64().unwrap())
            .collect()
    };
    // What every language must get right.
    assert_eq!(in_welsh("broken-link"), vec![19], "{found:#?}");
    assert_eq!(in_welsh("image-alt"), vec![21]);
    // The reading level and the English list measure English only.
    assert!(in_welsh("sentence-length").is_empty(), "{found:#?}");
    assert!(in_welsh("placement").is_empty(), "{found:#?}");

    // A list of its own for the language.
    write(
        dir.path(),
        "words.cy.toml",
        "[[rules]]\nid = \"lleoliad\"\nwords = [\"lleoliad\"]\nprefer = [\"cartref\"]\nreason = \"Dywedodd pobl ifanc wrthym nad ydyn nhw'n hoffi'r gair hwn.\"\n",
    );
    let (_, found) = check(dir.path(), &["--content", "content"]);
    assert!(with_code(&found, "unused-file").is_empty(), "{found:#?}");
    let rule = with_code(&found, "lleoliad");
    assert_eq!(rule.len(), 1, "{found:#?}");
    assert_eq!(rule[0]["file"], "promises/0-11/keeping-safe.cy.md");
    assert_eq!(rule[0]["line"], 17);
}
