//! The words the theme prints come from a strings file per language, which a
//! council can change and translate.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_string_the_theme_prints_is_in_english_and_every_english_string_is_printed() {
    let english: toml::Table =
        toml::from_str(&fs::read_to_string(root().join("themes/default/i18n/en.toml")).unwrap()).unwrap();
    let keys: BTreeSet<String> = english.keys().cloned().collect();
    let used_in = |text: &str, pattern: &str| -> BTreeSet<String> {
        regex::Regex::new(pattern)
            .unwrap()
            .captures_iter(text)
            .map(|c| c[1].to_string())
            .collect()
    };
    let mut used = BTreeSet::new();
    for entry in fs::read_dir(root().join("themes/default/templates")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        used.extend(used_in(&text, r"\bt\.([a-z0-9_]+)"));
    }
    let leaflet = fs::read_to_string(root().join("themes/default/leaflet/leaflet.typ")).unwrap();
    used.extend(used_in(&leaflet, r"\bt\.([a-z0-9_]+)"));
    // Every file that makes pages or leaflets asks for words by name.
    for folder in ["src/render", "src/print"] {
        for entry in walkdir::WalkDir::new(root().join(folder)) {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "rs") {
                let code = fs::read_to_string(path).unwrap();
                used.extend(used_in(&code, r#"(?:\.word|strings\.get)\("([a-z0-9_]+)"\)"#));
            }
        }
    }
    // The finder and the groups name their strings in tables, one per
    // question, answer and group, and dates and times by their parts:
    // every key named there is printed.
    for code in [
        "src/leaving_care.rs",
        "src/render/pages/finder.rs",
        "src/render/strings.rs",
        "src/render/dates.rs",
    ] {
        let code = fs::read_to_string(root().join(code)).unwrap();
        used.extend(used_in(&code, r#""([a-z0-9_]+)""#).intersection(&keys).cloned());
    }
    let missing: Vec<_> = used.difference(&keys).collect();
    let unused: Vec<_> = keys.difference(&used).collect();
    assert!(missing.is_empty(), "used but not in en.toml: {missing:?}");
    assert!(unused.is_empty(), "in en.toml but never printed: {unused:?}");
    assert!(used.len() > 80, "only {} strings found", used.len());
}

/// A copy of the example in `language`, with the council's own strings
/// file for it holding `strings` when given.
fn example_in(language: &str, strings: Option<&str>) -> tempfile::TempDir {
    let dir = common::copy_of_example();
    let site = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&site).unwrap();
    assert!(text.contains("language = \"en-GB\""));
    fs::write(
        &site,
        text.replace("language = \"en-GB\"", &format!("language = \"{language}\"")),
    )
    .unwrap();
    if let Some(strings) = strings {
        let i18n = dir.path().join("content/theme/i18n");
        fs::create_dir_all(&i18n).unwrap();
        let code = language.split('-').next().unwrap();
        fs::write(i18n.join(format!("{code}.toml")), strings).unwrap();
    }
    dir
}

/// Runs `promise` with `command` and returns what it printed, asserting it
/// finished without errors.
fn run(dir: &Path, command: &str) -> String {
    let out = common::promise(dir, &[command, "--today", "2026-11-22"]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn a_council_changes_a_string_in_its_own_copy() {
    let dir = example_in(
        "en-GB",
        Some("need_help = \"Get help now\"\nneed_hepl = \"Get help\"\n"),
    );
    let stderr = run(dir.path(), "build");
    assert!(
        stderr.contains("warning[unknown-string]: \"need_hepl\" is not a string the theme prints"),
        "{stderr}"
    );
    assert!(stderr.contains("content/theme/i18n/en.toml:2:13"), "{stderr}");
    assert!(
        !stderr.contains("missing-string"),
        "an English copy may change only some strings: {stderr}"
    );
    for page in ["index.html", "0-11/index.html", "accessibility/index.html"] {
        let html = fs::read_to_string(dir.path().join("public").join(page)).unwrap();
        assert!(html.contains(">Get help now</a>"), "{page}");
        assert!(
            html.contains(">Skip to main content</a>"),
            "{page}: the other strings stay"
        );
    }
    let help = fs::read_to_string(dir.path().join("public/help-now/index.html")).unwrap();
    assert!(
        help.contains("<title>Get help now – Our promise to you</title>"),
        "the page title too"
    );
}

#[test]
fn a_string_missing_in_another_language_is_shown_in_english_with_a_warning() {
    let dir = example_in("cy", Some("need_help = \"Angen help nawr?\"\nhome = \"Hafan\"\n"));
    let stderr = run(dir.path(), "build");
    // Each missing string is a warning: the terminal shows the first of them
    // and counts the rest, and `check --all` shows every one.
    assert!(
        stderr.contains("warning[missing-string]: the \"cy\" strings have no \"a11y_able\", so it is shown in English"),
        "{stderr}"
    );
    assert!(stderr.contains("more missing-string"), "{stderr}");
    let all = common::stderr(&common::promise(
        dir.path(),
        &["check", "--all", "--today", "2026-11-22"],
    ));
    assert!(
        all.contains("warning[missing-string]: the \"cy\" strings have no \"skip_link\", so it is shown in English"),
        "{all}"
    );
    assert!(!all.contains("have no \"need_help\""));
    let html = fs::read_to_string(dir.path().join("public/0-11/index.html")).unwrap();
    assert!(html.contains(">Angen help nawr?</a>"));
    assert!(html.contains(">Hafan</a>"));
    assert!(html.contains(">Skip to main content</a>"));
    assert!(html.contains("<html lang=\"cy\" dir=\"ltr\">"));
}

#[test]
fn a_language_with_no_strings_is_one_warning() {
    let dir = example_in("pl", None);
    let stderr = run(dir.path(), "check");
    assert_eq!(stderr.matches("missing-string").count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning[missing-strings]: the theme has no words for the language \"pl\""),
        "{stderr}"
    );
}

#[test]
fn dates_are_written_in_the_pages_language_and_a_wrong_list_of_months_is_a_warning() {
    let dir = example_in(
        "cy",
        Some(
            "date = \"{day} {month} {year}\"\nmonths = \"Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr\"\n",
        ),
    );
    run(dir.path(), "build");
    let entry = fs::read_to_string(dir.path().join("public/local-offer/advocacy/index.html")).unwrap();
    assert!(entry.contains(">18 Ebrill 2026</time>"), "{entry}");

    let dir = example_in("cy", Some("months = \"Ionawr, Chwefror, Mawrth\"\n"));
    let stderr = run(dir.path(), "check");
    assert!(
        stderr.contains("warning[bad-months]: \"months\" has 3 names, not 12, so months are shown in English"),
        "{stderr}"
    );
    assert!(stderr.contains("content/theme/i18n/cy.toml:1:10"), "{stderr}");
}
