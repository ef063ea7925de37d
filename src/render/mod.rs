//! Render: a pure function from the model and the theme to the full list of
//! files to write. Nothing here touches the output folder.

pub mod markdown;
pub mod minify;
pub mod pages;
pub mod strings;
mod templates;
pub mod theme;
pub mod urls;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::json;

use crate::check::KnownProblem;
use crate::content::{IMAGES, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Outputs;
use crate::pictures::Pictures;
use pages::Planner;
use theme::Theme;
use urls::{ASSETS, Target};

/// Every file of the site by its path inside the output folder.
/// `leaflets` says whether pages link to print leaflets.
/// `known_problems` go in the accessibility statement, dated `today`.
/// `strings` are the words the theme prints, in the site's language.
pub fn render(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    leaflets: bool,
    known_problems: &[KnownProblem],
    today: jiff::civil::Date,
    strings: &strings::Strings,
) -> Result<Outputs, Vec<Diagnostic>> {
    let tera = templates::load(theme)?;
    let base_url = site.config.base_url();
    let planner = Planner::new(
        site,
        base_url.clone(),
        theme,
        leaflets,
        known_problems,
        pictures,
        today,
        strings,
    );
    let plans = planner.plans();
    let addresses: Vec<(Target, String)> = plans.iter().map(|p| planner.address(*p)).collect();
    same_address(&addresses)?;

    // Each page's data is made, rendered and dropped on one thread, so the
    // pages' data is never all in memory at once.
    let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = plans
        .par_iter()
        .map(|plan| {
            let job = planner.job(*plan);
            let html = templates::render(&tera, theme, job.template, job.context)?;
            Ok((job.target.file(), minify::html(&html)))
        })
        .collect();
    let mut outputs = Outputs::new();
    let mut problems = Vec::new();
    for result in rendered {
        match result {
            Ok((file, bytes)) => {
                outputs.insert(file, bytes);
            }
            Err(d) => problems.push(d),
        }
    }

    let urls: Vec<String> = addresses
        .iter()
        .filter(|(target, _)| *target != Target::NotFound)
        .map(|(target, _)| target.url(&base_url))
        .collect();
    let feeds = json!({ "urls": urls, "base_url": base_url });
    for name in ["sitemap.xml", "robots.txt"] {
        match templates::render(&tera, theme, name, feeds.clone()) {
            Ok(text) => {
                outputs.insert(name.to_string(), text.into_bytes());
            }
            Err(d) => problems.push(d),
        }
    }
    for (path, bytes) in &pictures.files {
        outputs.insert(path.clone(), bytes.to_vec());
    }
    for (name, file) in theme.folder("static") {
        outputs.insert(format!("{ASSETS}/{name}"), file.bytes.to_vec());
    }
    if problems.is_empty() {
        Ok(outputs)
    } else {
        Err(problems)
    }
}

/// Two pieces of content that would be written to the same address.
fn same_address(addresses: &[(Target, String)]) -> Result<(), Vec<Diagnostic>> {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    let reserved = [ASSETS, IMAGES, crate::print::FOLDER];
    for (target, source) in addresses {
        let file = target.file();
        if let Some(first) = seen.get(&file) {
            problems.push(clash(target, first, source));
        } else if reserved.iter().any(|r| file.starts_with(&format!("{r}/"))) {
            problems.push(clash(target, "the files promise writes itself", source));
        } else {
            seen.insert(file, source);
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

fn clash(target: &Target, first: &str, second: &str) -> Diagnostic {
    let path = target.path();
    Diagnostic::error(
        "same-address",
        format!("two things would be written to the same page /{path}: {first} and {second}"),
    )
    .in_file(second)
    .help("rename one of the files (or change the band id in site.toml) so each page has its own address")
}
