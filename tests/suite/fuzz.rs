//! A seeded mutation run over the example content: each case breaks one
//! file (a character a young person might type, a stray quote, a tab, bytes
//! that are not text, a line gone or doubled) and then checks and builds the
//! site. Whatever the content, nothing panics, `promise check` exits 0 or
//! 1, `check` finds every error that stops `build` (and nothing more), and a
//! failed build leaves the published site byte for byte as it was.
//!
//! `cargo test` runs 200 cases; `PROMISE_FUZZ_CASES=5000 cargo test --test
//! suite fuzz::` runs more, and `PROMISE_FUZZ_SEED=N` starts from another seed. A
//! failing case prints its seed and the mutated file.

use crate::common;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use promise::{BuildError, Options, build, render_site};

/// Pieces of text that have broken content tools before, or could.
const HOSTILE: &[&str] = &[
    "😀",
    "👨‍👩‍👧",
    "🏳️‍🌈",
    "\u{200D}",
    "\u{FE0F}",
    "\u{202E}",
    "\u{FEFF}",
    "مرحبا",
    "你好",
    "नमस्ते",
    "Zoë",
    "\t",
    "\r",
    "\r\n",
    "\0",
    "\u{7}",
    "\"",
    "'",
    ":",
    ": ",
    "#",
    "---",
    "+++",
    "- ",
    "  - ",
    "*",
    "&",
    "|",
    "[",
    "]",
    "{",
    "}",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "[x](javascript:alert(1))",
    "[x](tel:0909 879 0000)",
    "[x](/nowhere/#no)",
    "![](/images/none.png)",
    "![x](https://x.example/a.png)",
    "0113 496 0101",
    "placement",
    "%",
    "\\",
    "`",
    "```",
    "\n\n",
    "## ",
    "###### ",
    "2026-13-45",
    "999999999999999999999",
    "\u{10FFFF}",
    "\u{0301}",
];

/// A small, fast, seeded random source: the same seed, the same cases.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `bytes` changed in one of a few ways, at a place the seed picks.
fn mutate(bytes: &[u8], random: &mut Random) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = random.below(out.len() + 1);
    match random.below(7) {
        0..=2 => {
            let piece = HOSTILE[random.below(HOSTILE.len())];
            out.splice(at..at, piece.bytes());
        }
        3 => {
            let end = (at + random.below(40)).min(out.len());
            out.drain(at..end);
        }
        4 => {
            // A line doubled: a repeated field, a repeated promise.
            let start = out[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let end = out[at..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(out.len(), |i| at + i + 1);
            let line = out[start..end].to_vec();
            out.splice(start..start, line);
        }
        5 => out.truncate(at),
        _ => {
            // Bytes that are not UTF-8.
            let junk = [0xFF, 0xC3, 0x28, 0xE2, 0x82];
            let n = 1 + random.below(junk.len());
            out.splice(at..at, junk[..n].iter().copied());
        }
    }
    out
}

/// Every file of a folder and its bytes, to see whether anything changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// The content files a case can break.
fn files(content: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(content).unwrap().to_path_buf())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn broken_content_never_panics_check_agrees_with_build_and_failed_builds_change_nothing() {
    let cases: u64 = std::env::var("PROMISE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let first_seed: u64 = std::env::var("PROMISE_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let out = dir.path().join("public");
    let today = "2026-11-22".parse().unwrap();
    let check_options = Options {
        leaflets: false,
        today,
        ..Options::default()
    };
    build(&content, &out, &check_options).unwrap_or_else(|e| panic!("the example builds: {e:?}"));
    let files = files(&content);
    let (mut passed, mut failed) = (0, 0);
    for seed in first_seed..first_seed + cases {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let file = &files[random.below(files.len())];
        let original = std::fs::read(content.join(file)).unwrap();
        let mutated = mutate(&original, &mut random);
        std::fs::write(content.join(file), &mutated).unwrap();
        let report = || {
            format!(
                "seed {seed}, {}:\n{}",
                file.display(),
                String::from_utf8_lossy(&mutated)
            )
        };
        // One case in ten also typesets the leaflets, where a character no
        // font has once stopped the build.
        let build_options = Options {
            leaflets: seed % 10 == 0,
            ..check_options.clone()
        };
        let before = snapshot(&out);
        let checked = catch_unwind(AssertUnwindSafe(|| render_site(&content, &check_options)))
            .unwrap_or_else(|_| panic!("check panicked on {}", report()));
        let built = catch_unwind(AssertUnwindSafe(|| build(&content, &out, &build_options)))
            .unwrap_or_else(|_| panic!("build panicked on {}", report()));
        match (&checked, &built) {
            (Ok(_), Ok(_)) => passed += 1,
            (Err(found), Err(BuildError::Content(problems))) => {
                assert!(
                    found.iter().any(|d| d.is_error()),
                    "check failed with no error: {}",
                    report()
                );
                let errors = |all: &[promise::diagnostics::Diagnostic]| -> Vec<String> {
                    let mut errors: Vec<String> = all
                        .iter()
                        .filter(|d| d.is_error())
                        .map(|d| format!("{}: {}", d.code, d.message))
                        .collect();
                    errors.sort();
                    errors
                };
                assert_eq!(
                    errors(found),
                    errors(problems),
                    "check and build found other errors: {}",
                    report()
                );
                assert!(before == snapshot(&out), "a failed build changed public/: {}", report());
                failed += 1;
            }
            (Err(found), Ok(_)) => panic!("check found errors that build let through: {found:?}\n{}", report()),
            (Ok(_), Err(e)) => panic!("build failed where check found nothing: {e:?}\n{}", report()),
            (_, Err(BuildError::Write(e))) => panic!("build could not write: {e}\n{}", report()),
        }
        // Now and then the command itself, as an officer runs it: it exits
        // 0 or 1 and says so in words, never with a crash.
        if seed % 100 == 0 {
            let run = common::promise(dir.path(), &["check", "--today", "2026-11-22"]);
            let expected = if checked.is_ok() { 0 } else { 1 };
            assert_eq!(
                run.status.code(),
                Some(expected),
                "{}\n{}",
                common::stderr(&run),
                report()
            );
        }
        std::fs::write(content.join(file), &original).unwrap();
    }
    // The run is only worth something if it reaches both sides.
    println!("{passed} built, {failed} refused");
    if cases >= 100 {
        assert!(
            passed > cases / 10 && failed > cases / 10,
            "{passed} built, {failed} refused"
        );
    }
}
