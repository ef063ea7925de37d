//! One very large content file: a page of prose and a promise page of list
//! items, each as large as promise takes a page to be (2 MB) and full of
//! things the checks point at (a word to avoid, a phone number that is not a
//! link, long sentences). Checking one and printing what was found must take
//! well under 2 s: finding each line is a search, never a count from the
//! start of the file.

use std::path::Path;

#[path = "../tests/suite/png_bomb.rs"]
mod png_bomb;
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use promise::{Options, render_site, report};
use support::copy;

/// Room left for the front matter under the largest page promise reads.
const SIZE: usize = promise::files::PAGE_BYTES as usize - 200;

/// Sentences of 8 to 40 words from a short list, each ending in a phone
/// number, as paragraphs or list items, up to `SIZE` bytes.
fn text(items: bool) -> String {
    const WORDS: &[&str] = &[
        "we",
        "will",
        "help",
        "you",
        "find",
        "a",
        "safe",
        "home",
        "and",
        "talk",
        "with",
        "your",
        "placement",
        "worker",
        "about",
        "school",
        "friends",
        "family",
        "money",
        "health",
        "college",
        "work",
    ];
    let mut seed = 7u64;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) % n) as usize
    };
    let mut out = String::with_capacity(SIZE);
    loop {
        let words = 8 + next(33);
        let sentence: Vec<&str> = (0..words).map(|_| WORDS[next(WORDS.len() as u64)]).collect();
        let line = format!(
            "{}{}. Call 0113 496 0101 today.\n{}",
            if items { "- " } else { "" },
            sentence.join(" "),
            if items { "" } else { "\n" }
        );
        if out.len() + line.len() > SIZE {
            return out;
        }
        out.push_str(&line);
    }
}

fn one_large_file(c: &mut Criterion) {
    let mut group = c.benchmark_group("a 2 MB file");
    group.sample_size(10);
    for (name, file, front, items) in [
        ("page", "pages/large.md", "---\ntitle: Large\n---\n", false),
        (
            "promise page",
            "promises/16-25/large.md",
            "---\ntitle: Large\nsummary: Large.\nicon: star\n---\n",
            true,
        ),
    ] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let content = dir.path().join("content");
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
        std::fs::write(content.join(file), format!("{front}{}", text(items))).expect("the file is written");
        let options = Options {
            leaflets: false,
            ..Options::default()
        };
        group.bench_function(format!("check a {name} and print the findings"), |b| {
            b.iter(|| {
                let found = match render_site(&content, &options) {
                    Ok(built) => built.warnings,
                    Err(found) => found,
                };
                assert!(found.len() > 10_000, "the checks find the file's problems");
                report::to_human(&found, &content, false, true).len()
            })
        });
    }
    group.finish();
}

/// The most memory this process has held at once, in MB, since the last
/// `forget_peak` (Linux only).
fn peak_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024)
}

/// Starts counting `peak_mb` again from what is held now.
fn forget_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A PNG of under 1 MB that says it is 30,000 × 30,000 pixels: its pixels
/// would take 900 MB. It must be refused from its header in well under a
/// second, and the check must never hold 200 MB.
fn one_picture_bomb(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let content = dir.path().join("content");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
    std::fs::write(content.join("images/park.png"), png_bomb::png_bomb(30_000)).expect("the picture is written");
    let page = content.join("promises/0-11/keeping-healthy.md");
    let text = std::fs::read_to_string(&page).expect("the page is there");
    std::fs::write(&page, text.replace("/images/park.jpg", "/images/park.png")).expect("the page is written");
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let check = || match render_site(&content, &options) {
        Ok(_) => panic!("the picture is refused"),
        Err(found) => assert!(found.iter().any(|d| d.code == "picture-too-large")),
    };
    forget_peak();
    let before = peak_mb();
    check();
    if let (Some(before), Some(after)) = (before, peak_mb()) {
        eprintln!("checking the site with the picture: at most {after} MB held (from {before} MB)");
    }
    c.bench_function("check a site with a 900-megapixel PNG", |b| b.iter(check));
}

criterion_group!(benches, one_picture_bomb, one_large_file);
criterion_main!(benches);
