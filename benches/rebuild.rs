//! What `promise serve` does after an officer saves one file: build the
//! example site again, in memory, without leaflets, checks included. The
//! preview's goal is under 100 ms.

use std::path::Path;

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use promise::{Options, render_site};
use support::copy;

fn rebuild_after_one_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let content = dir.path().join("content");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
    let page = content.join("promises/0-11/keeping-safe.md");
    let original = std::fs::read_to_string(&page).expect("the example page");
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let mut n = 0u64;
    c.bench_function("rebuild after one change", |b| {
        b.iter(|| {
            n += 1;
            let edited = original.replace("happy home", &format!("happy home {n}"));
            std::fs::write(&page, edited).expect("the page is written");
            render_site(&content, &options).expect("the example builds")
        })
    });
}

criterion_group!(benches, rebuild_after_one_change);
criterion_main!(benches);
