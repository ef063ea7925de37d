//! What `promise serve` does after an officer saves one file: build the
//! example site again, in memory, without leaflets, checks included. The
//! preview's goal is under 100 ms.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use promise::{Options, render_site};

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

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a file");
        }
    }
}

criterion_group!(benches, rebuild_after_one_change);
criterion_main!(benches);
