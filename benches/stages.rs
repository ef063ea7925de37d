//! The stages of a build of the example site, each on its own, so a change
//! that slows one down shows here: load, check, markdown, render (templates,
//! markdown and minifying together), minify and write.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use promise::check;
use promise::content;
use promise::content::words;
use promise::render::{self, markdown, minify, theme::Theme, urls::Links, urls::Target};

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let theme = Theme::load(&root).0;
    let names = theme.icon_names();
    let load = || {
        content::load(&root, None, &names, jiff::Zoned::now().date())
            .expect("the example loads")
            .0
    };
    let site = load();
    let words = words::load(&root, &site.config).expect("the word list");
    let today = jiff::civil::date(2026, 11, 22);
    let pictures = Default::default();
    let language = site.config.language.clone();
    let strings = [(language.clone(), render::strings::load(&theme, &language).0)].into();
    let render_all = || render::render(&site, &theme, &pictures, false, &[], today, &strings);
    let outputs = render_all().expect("the example renders");
    let pages: Vec<String> = outputs
        .iter()
        .filter(|(file, _)| file.ends_with(".html"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let links = Links::from(&Target::Home, "https://x.example/");

    c.bench_function("load", |b| b.iter(load));
    let docs = check::docs(&site);
    c.bench_function("check", |b| {
        b.iter(|| {
            let mut found = check::content(&site, &docs, &words, &theme, today);
            found.extend(check::rendered(&docs, &outputs, &Default::default()));
            found
        })
    });
    c.bench_function("markdown", |b| {
        b.iter(|| {
            site.promise_pages
                .iter()
                .map(|p| markdown::to_html(&p.body, &links, &pictures, Some(&p.promises)).len())
                .sum::<usize>()
        })
    });
    c.bench_function("render", |b| b.iter(render_all));
    c.bench_function("minify", |b| {
        b.iter(|| pages.iter().map(|p| minify::html(p).len()).sum::<usize>())
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("public");
    c.bench_function("write", |b| {
        b.iter(|| promise::output::write(&out, &root, &outputs).expect("the site is written"))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
