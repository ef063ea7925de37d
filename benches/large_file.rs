//! One very large content file: a 5 MB page of prose and a 5 MB promise page
//! of list items, each full of things the checks point at (a word to avoid,
//! a phone number that is not a link, long sentences). Checking one and
//! printing what was found must take well under 2 s: finding each line is a
//! search, never a count from the start of the file.

use std::path::Path;

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use promise::{Options, render_site, report};
use support::copy;

const SIZE: usize = 5_000_000;

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
    let mut out = String::with_capacity(SIZE + 200);
    while out.len() < SIZE {
        let words = 8 + next(33);
        let sentence: Vec<&str> = (0..words).map(|_| WORDS[next(WORDS.len() as u64)]).collect();
        out.push_str(if items { "- " } else { "" });
        out.push_str(&sentence.join(" "));
        out.push_str(". Call 0113 496 0101 today.\n");
        if !items {
            out.push('\n');
        }
    }
    out
}

fn one_large_file(c: &mut Criterion) {
    let mut group = c.benchmark_group("a 5 MB file");
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
                report::to_human(&found, &content, false).len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, one_large_file);
criterion_main!(benches);
