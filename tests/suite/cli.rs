//! The command line as a participation officer uses it.

use crate::common;

use std::fs;

#[test]
fn new_writes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let made = common::promise(dir.path(), &["new", "my-site"]);
    assert!(made.status.success(), "{}", common::stderr(&made));
    assert!(dir.path().join("my-site/site.toml").is_file());
    assert!(dir.path().join("my-site/words.toml").is_file());
    // A new site has printed no leaflet yet, and makes its own editor settings.
    assert!(!dir.path().join("my-site/printed.toml").exists());
    assert!(!dir.path().join("my-site/admin").exists());
    let built = common::promise(
        dir.path(),
        &[
            "build",
            "--content",
            "my-site",
            "--out",
            "site",
            "--today",
            "2026-11-22",
        ],
    );
    assert!(built.status.success(), "{}", common::stderr(&built));
    let summary = String::from_utf8(built.stdout.clone()).unwrap();
    assert!(
        summary.starts_with("Built 483 pages into site with 2 warnings in "),
        "{summary}"
    );
    // The two warnings: the starter's photo, like the example's, shows the
    // team what a photo with a location looks like, and its Arabic sample
    // what is left to translate.
    let warnings = common::stderr(&built);
    assert!(warnings.contains("warning[picture-location]"), "{warnings}");
    assert!(warnings.contains("warning[untranslated]"), "{warnings}");
    assert!(dir.path().join("site/index.html").is_file());
    // Its first build records what its leaflets print.
    assert!(dir.path().join("my-site/printed.toml").is_file());
}

#[test]
fn new_never_writes_over_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("mine")).unwrap();
    fs::write(dir.path().join("mine/notes.txt"), "keep me").unwrap();
    let made = common::promise(dir.path(), &["new", "mine"]);
    assert_eq!(made.status.code(), Some(1));
    assert!(common::stderr(&made).contains("is not empty"));
    assert_eq!(
        fs::read_to_string(dir.path().join("mine/notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_dir(dir.path().join("mine")).unwrap().count(), 1);
}

#[test]
fn wrong_command_lines_exit_2_and_help_works() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(common::promise(dir.path(), &["biuld"]).status.code(), Some(2));
    assert_eq!(
        common::promise(dir.path(), &["build", "--colour"]).status.code(),
        Some(2)
    );
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["new", "--help"],
        &["--version"],
    ] {
        let out = common::promise(dir.path(), args);
        assert!(out.status.success());
        assert!(!out.stdout.is_empty());
    }
    let help = String::from_utf8(common::promise(dir.path(), &["build", "--help"]).stdout).unwrap();
    assert!(help.contains("--content") && help.contains("--out") && help.contains("--base-url"));
}

#[test]
fn a_missing_content_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::promise(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let text = common::stderr(&out);
    assert!(
        text.contains("missing-site-toml") && text.contains("promise new"),
        "{text}"
    );
}

#[test]
fn no_leaflets_skips_them_and_their_links() {
    let dir = common::copy_of_example();
    let built = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    assert!(!dir.path().join("public/leaflets").exists());
    let band = fs::read_to_string(dir.path().join("public/0-11/index.html")).unwrap();
    assert!(!band.contains("leaflets/"), "no link to a leaflet that was not made");
    let built = common::promise(dir.path(), &["build"]);
    assert!(built.status.success());
    assert!(dir.path().join("public/leaflets/0-11.pdf").is_file());
    let band = fs::read_to_string(dir.path().join("public/0-11/index.html")).unwrap();
    let band = scraper::Html::parse_document(&band);
    let link = scraper::Selector::parse(r#"a[href="../leaflets/0-11.pdf"]"#).unwrap();
    assert!(
        band.select(&link).next().is_some(),
        "the band page links to its leaflet"
    );
}
