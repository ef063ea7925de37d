//! The command line as a participation officer uses it.

use crate::common;

use std::fs;

#[test]
fn new_writes_a_site_that_the_plain_commands_check_and_build_with_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    let made = common::promise(dir.path(), &["new", "my-site"]);
    assert!(made.status.success(), "{}", common::stderr(&made));
    let said = String::from_utf8(made.stdout).unwrap();
    assert!(said.contains("cd my-site && promise check && promise build"), "{said}");
    let site = dir.path().join("my-site");
    assert!(site.join("content/site.toml").is_file());
    assert!(site.join("content/words.toml").is_file());
    assert!(
        fs::read_to_string(site.join("README.md"))
            .unwrap()
            .contains("promise check")
    );
    assert!(fs::read_to_string(site.join(".gitignore")).unwrap().contains("/public"));
    // The example's host is Netlify: its recipe builds with this version.
    assert!(
        fs::read_to_string(site.join("netlify.toml"))
            .unwrap()
            .contains("command = \"sh build.sh\"")
    );
    let build_script = fs::read_to_string(site.join("build.sh")).unwrap();
    assert!(build_script.contains(&format!("version=\"v{}\"", env!("CARGO_PKG_VERSION"))));
    // A new site has printed no leaflet yet, makes its own editor settings,
    // and adds its own languages.
    assert!(!site.join("content/printed.toml").exists());
    assert!(!site.join("content/admin").exists());
    assert!(!site.join("content/site.ar.toml").exists());
    assert!(
        !fs::read_to_string(site.join("content/site.toml"))
            .unwrap()
            .contains("[[languages]]")
    );
    // Its photo says nothing of where it was taken.
    let photo = fs::read(site.join("content/images/park.jpg")).unwrap();
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&photo));
    assert!(exif.is_err(), "the starter's photo still has EXIF");
    for command in [&["check"][..], &["build", "--today", "2026-11-22"]] {
        let out = common::promise(&site, command);
        let said = common::stderr(&out);
        assert!(out.status.success(), "{command:?}: {said}");
        assert!(!said.contains("warning"), "{command:?}: {said}");
    }
    assert!(site.join("public/index.html").is_file());
    assert!(site.join("public/leaflets/print/0-11.pdf").is_file());
    // Its first build records what its leaflets print.
    assert!(site.join("content/printed.toml").is_file());
    // Building from inside the content folder would publish into it.
    let inside = common::promise(&site.join("content"), &["build", "--content", "."]);
    assert_eq!(inside.status.code(), Some(1));
    assert!(common::stderr(&inside).contains("public is inside the content folder"));
    assert!(!site.join("content/public").exists());
}

#[test]
fn new_writes_the_recipe_for_the_host_it_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let made = common::promise(dir.path(), &["new", "site", "--host", "github-pages"]);
    assert!(made.status.success(), "{}", common::stderr(&made));
    let site = dir.path().join("site");
    let workflow = fs::read_to_string(site.join(".github/workflows/publish.yml")).unwrap();
    assert!(workflow.contains("run: sh build.sh") && workflow.contains("actions/deploy-pages"));
    assert!(site.join("build.sh").is_file() && !site.join("netlify.toml").exists());
    let toml = fs::read_to_string(site.join("content/site.toml")).unwrap();
    assert!(toml.contains("host = \"github-pages\""), "{toml}");
    let checked = common::promise(&site, &["check"]);
    assert!(checked.status.success() && !common::stderr(&checked).contains("warning"));

    // A host it runs itself has no recipe: public/ is copied there.
    let made = common::promise(dir.path(), &["new", "own", "--host", "apache"]);
    assert!(made.status.success());
    assert!(!dir.path().join("own/build.sh").exists());
    let wrong = common::promise(dir.path(), &["new", "x", "--host", "geocities"]);
    assert_eq!(wrong.status.code(), Some(2));
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
fn the_version_names_the_commit_it_was_built_from() {
    let dir = tempfile::tempdir().unwrap();
    let said = String::from_utf8(common::promise(dir.path(), &["--version"]).stdout).unwrap();
    let version = format!("promise {}", env!("CARGO_PKG_VERSION"));
    // Built from a clone, it names the commit; from an archive, the version.
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string());
    match head {
        Some(head) => assert_eq!(said.trim(), format!("{version} (commit {head})")),
        None => assert_eq!(said.trim(), version),
    }
}

#[test]
fn a_missing_content_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::promise(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let text = common::stderr(&out);
    assert!(
        text.contains("missing-site-toml") && text.contains("promise new") && text.contains("--content DIR"),
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

#[test]
fn strings_writes_the_theme_s_words_for_a_new_language_to_translate() {
    let dir = common::copy_of_example();
    common::replace(
        &dir.path().join("content/site.toml"),
        "[[languages]]\ncode = \"ar\"",
        "[[languages]]\ncode = \"cy\"\nname = \"Cymraeg\"\n\n[[languages]]\ncode = \"ar\"",
    );
    let check = common::promise(dir.path(), &["check"]);
    let said = common::stderr(&check);
    assert!(
        said.contains("warning[missing-strings]: the theme has no words for the language \"cy\""),
        "{said}"
    );
    assert!(said.contains("run `promise strings --language cy`"), "{said}");
    let out = common::promise(dir.path(), &["strings", "--language", "cy"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let file = dir.path().join("content/theme/i18n/cy.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("need_help = "), "{text}");
    let said = common::stderr(&common::promise(dir.path(), &["check"]));
    assert!(
        !said.contains("missing-strings") && !said.contains("missing-string]"),
        "{said}"
    );
    // It never writes over a translator's work.
    fs::write(&file, "need_help = \"Angen help nawr?\"\n").unwrap();
    let again = common::promise(dir.path(), &["strings", "--language", "cy"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(common::stderr(&again).contains("is there already"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "need_help = \"Angen help nawr?\"\n");
}
