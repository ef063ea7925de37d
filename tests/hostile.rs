//! Content is hostile until proven otherwise: links out of the content
//! folder, characters no font has, links that run code, numbers that cannot
//! be dialled. Each is reported with its file and line, by `check` first and
//! by `build` the same, and never crashes or half-writes the site.

mod common;

use std::fs;
use std::path::Path;

/// Runs `check` and `build` and returns what each printed, asserting both
/// exit with `code`.
fn check_and_build(dir: &Path, code: i32) -> (String, String) {
    let check = common::promise(dir, &["check", "--today", "2026-11-22"]);
    let build = common::promise(dir, &["build", "--today", "2026-11-22"]);
    assert_eq!(check.status.code(), Some(code), "check: {}", common::stderr(&check));
    assert_eq!(build.status.code(), Some(code), "build: {}", common::stderr(&build));
    (common::stderr(&check), common::stderr(&build))
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
