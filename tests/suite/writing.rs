//! Writing the site when the computer will not let it: another build
//! writing the same folder, or a disk that fills up. The live site is as it
//! was, the build says so in plain words, and nothing is left behind.

use crate::common;

use std::fs;
use std::path::Path;

fn build(dir: &Path, out: &str) -> std::process::Output {
    common::promise(dir, &["build", "--no-leaflets", "--out", out])
}

#[test]
fn a_second_build_into_the_same_folder_stops_and_says_why() {
    let dir = common::copy_of_example();
    assert!(build(dir.path(), "public").status.success());
    let before = fs::read(dir.path().join("public/index.html")).unwrap();
    // Another build holds the folder.
    let lock = fs::File::create(dir.path().join(".public.lock")).unwrap();
    lock.lock().unwrap();
    common::replace(
        &dir.path().join("content/site.toml"),
        "title = \"Our promise to you\"",
        "title = \"Changed\"",
    );
    let out = build(dir.path(), "public");
    let said = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("another promise build is writing public now; wait for it to finish, then build again"),
        "{said}"
    );
    assert!(said.contains("Nothing was published: public/ is as it was."), "{said}");
    assert_eq!(fs::read(dir.path().join("public/index.html")).unwrap(), before);
    drop(lock);
    assert!(build(dir.path(), "public").status.success());

    // Two started together: each finishes or says another is writing, and
    // the site is whole either way.
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_promise"))
            .args(["build", "--no-leaflets"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let said = common::stderr(&out);
        assert!(
            out.status.success() || said.contains("another promise build is writing public now"),
            "{said}"
        );
    }
    assert!(
        fs::read_to_string(dir.path().join("public/index.html"))
            .unwrap()
            .contains("Changed")
    );
    assert!(!dir.path().join(".public.staging").exists());
}

#[test]
fn a_full_disk_leaves_the_site_as_it_was_and_no_staging_folder() {
    let dir = common::copy_of_example();
    let small = dir.path().join("small");
    fs::create_dir(&small).unwrap();
    // A disk of 2 MB: the site does not fit on it.
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&small)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: this machine cannot mount a small disk for the test");
        return;
    }
    let out = build(dir.path(), "small/public");
    let left = small.join(".public.staging").exists();
    let _ = std::process::Command::new("umount").arg(&small).status();
    let said = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("the disk is full: make room on it"), "{said}");
    assert!(
        said.contains("Nothing was published: small/public/ is as it was."),
        "{said}"
    );
    assert!(!left, "the staging folder was left on the full disk");
}
