//! Render: a pure function from the model and the theme to the full list of
//! files to write. Nothing here touches the output folder.

pub mod assets;
pub mod calendar;
pub mod cards;
pub mod dates;
pub mod feed;
pub mod hosts;
pub mod leaflets;
pub mod markdown;
pub mod minify;
pub mod offline;
pub mod pages;
pub mod policy;
pub mod redirects;
pub mod strings;
mod templates;
pub mod theme;
pub mod urls;
pub mod views;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::layout::{ADMIN, Outputs, RESERVED};
use crate::pictures::Pictures;
pub use pages::KnownProblem;
use pages::{Plan, Planner};
use theme::Theme;
use urls::Target;

/// Every file of the site by its path inside the output folder.
/// `leaflets` says whether pages link to print leaflets.
/// `known_problems` go in the accessibility statement, dated `today`.
/// `strings` are the words the theme prints, by language code: the site's
/// own and each of its `[[languages]]`.
pub fn render(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    leaflets: bool,
    known_problems: &[KnownProblem],
    today: jiff::civil::Date,
    strings: &BTreeMap<String, strings::Strings>,
) -> Result<Outputs, Vec<Diagnostic>> {
    let tera = templates::load(theme)?;
    let base_url = site.config.base_url();
    let no_strings = strings::Strings::new();
    let words = |code: &str| strings.get(code).unwrap_or(&no_strings);
    let planner = Planner::new(
        site,
        base_url.clone(),
        theme,
        leaflets,
        known_problems,
        pictures,
        today,
        words(&site.config.language),
    );
    // The site as each other language's readers get it: every page again
    // under /<code>/, translated where a translation is written.
    let translated: Vec<Site> = site
        .config
        .languages
        .iter()
        .map(|l| site.in_language(l.code.get_ref()))
        .collect();
    let mut planners = vec![planner];
    for (language, site) in site.config.languages.iter().zip(&translated) {
        let planner = planners[0].in_language(site, language, words(language.code.get_ref()));
        planners.push(planner);
    }
    let plans: Vec<(&Planner, Plan)> = planners
        .iter()
        .flat_map(|planner| planner.plans().into_iter().map(move |plan| (planner, plan)))
        .collect();
    let addresses: Vec<(String, Target, String)> = plans
        .iter()
        .map(|(planner, plan)| {
            let (target, source) = planner.address(*plan);
            (format!("{}{}", planner.prefix(), target.file()), target, source)
        })
        .collect();
    same_address(&addresses)?;

    let mut made = Made {
        tera: &tera,
        theme,
        outputs: Outputs::new(),
        problems: Vec::new(),
    };
    made.pages(&plans);
    // Every page of the site's own language, with its address in each
    // language for search engines.
    let prefixes: Vec<(String, String)> = std::iter::once((site.config.language.clone(), String::new()))
        .chain(site.config.languages.iter().map(|l| {
            let code = l.code.get_ref();
            (code.clone(), urls::language_prefix(Some(code)))
        }))
        .collect();
    made.sitemap(&plans, &addresses, &prefixes, &base_url);
    made.redirects(site, &addresses, &prefixes, &base_url, &words);
    made.feed(site, &base_url, words(&site.config.language));
    for planner in &planners {
        made.calendars(planner, &base_url);
    }
    made.files(site, pictures);
    // Last, as it names the build by everything else in it.
    let languages: Vec<String> = prefixes.iter().map(|(_, prefix)| prefix.clone()).collect();
    let worker = offline::worker_data(&made.outputs, &languages);
    let worker = templates::render(made.tera, made.theme, offline::WORKER, plain(worker));
    made.add(offline::WORKER, worker);
    if made.problems.is_empty() {
        Ok(made.outputs)
    } else {
        Err(made.problems)
    }
}

/// What `sitemap.xml` is given: each page's path once and each language
/// once, from which it makes every address.
#[derive(Serialize)]
struct Sitemap<'a> {
    paths: Vec<String>,
    languages: Vec<Language<'a>>,
    base_url: &'a str,
}

/// A language of the pages, and where its pages live: "" or `ar/`.
#[derive(Serialize)]
struct Language<'a> {
    lang: &'a str,
    prefix: &'a str,
}

#[derive(Serialize)]
struct Robots<'a> {
    base_url: &'a str,
}

/// The files rendered so far, and the problems met on the way.
struct Made<'a> {
    tera: &'a tera::Tera,
    theme: &'a Theme,
    outputs: Outputs,
    problems: Vec<Diagnostic>,
}

impl Made<'_> {
    /// `template` rendered with `data` as the file `path`.
    fn text(&mut self, path: &str, template: &str, data: impl Serialize) {
        let text = templates::render(self.tera, self.theme, template, plain(data));
        self.add(path, text);
    }

    /// A rendered file, or the problem that kept it from being rendered.
    fn add(&mut self, path: &str, text: Result<String, Diagnostic>) {
        match text {
            Ok(text) => {
                self.outputs.insert(path.to_string(), text.into_bytes());
            }
            Err(d) => self.problems.push(d),
        }
    }

    /// The same for a web page, minified.
    fn page(&mut self, path: String, template: &str, data: impl Serialize) {
        match templates::render(self.tera, self.theme, template, plain(data)) {
            Ok(html) => {
                self.outputs.insert(path, minify::html(&html));
            }
            Err(d) => self.problems.push(d),
        }
    }

    /// Every page. Each page's data is made, rendered and dropped on one
    /// thread, so the pages' data is never all in memory at once.
    fn pages(&mut self, plans: &[(&Planner, Plan)]) {
        let (tera, theme) = (self.tera, self.theme);
        let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = plans
            .par_iter()
            .map(|(planner, plan)| {
                let job = planner.job(*plan);
                let html = templates::render(tera, theme, job.template, job.context)?;
                Ok((
                    format!("{}{}", planner.prefix(), job.target.file()),
                    minify::html(&html),
                ))
            })
            .collect();
        for result in rendered {
            match result {
                Ok((file, bytes)) => {
                    self.outputs.insert(file, bytes);
                }
                Err(d) => self.problems.push(d),
            }
        }
    }

    /// The sitemap is given each page's path once and each language once,
    /// and makes every address from them: a site in ten languages has ten
    /// addresses for each page, each naming the other nine.
    fn sitemap(
        &mut self,
        plans: &[(&Planner, Plan)],
        addresses: &[(String, Target, String)],
        prefixes: &[(String, String)],
        base_url: &str,
    ) {
        let paths: Vec<String> = plans
            .iter()
            .zip(addresses)
            .filter(|((planner, _), (_, target, _))| planner.prefix().is_empty() && target.listed())
            .map(|(_, (_, target, _))| target.path())
            .collect();
        let languages = prefixes
            .iter()
            .map(|(lang, prefix)| Language { lang, prefix })
            .collect();
        let sitemap = Sitemap {
            paths,
            languages,
            base_url,
        };
        self.text("sitemap.xml", "sitemap.xml", &sitemap);
        self.text("robots.txt", "robots.txt", Robots { base_url });
    }

    /// Old addresses that lead to where their pages are now, as pages and
    /// in the files the council's host reads.
    fn redirects<'s>(
        &mut self,
        site: &Site,
        addresses: &[(String, Target, String)],
        prefixes: &[(String, String)],
        base_url: &str,
        words: &dyn Fn(&str) -> &'s strings::Strings,
    ) {
        let mut redirects = redirects::of(site, prefixes);
        let pages: BTreeMap<String, String> = addresses
            .iter()
            .map(|(file, _, source)| (file.clone(), source.clone()))
            .collect();
        self.problems.extend(redirects::clashes(&redirects, &pages));
        let withdrawn = redirects::withdrawn(site, prefixes, &pages);
        let withdrawn: Vec<_> = withdrawn
            .into_iter()
            .filter(|w| !redirects.iter().any(|r| r.from == w.from))
            .collect();
        redirects.extend(withdrawn);
        for r in &redirects {
            let (_, dir) = site.config.tag_and_dir(site.config.language(&r.language));
            let data = redirects::page_data(r, base_url, dir, words(&r.language));
            self.page(format!("{}index.html", r.from), "redirect.html", data);
        }
        let root = hosts::root_path(base_url);
        let moved: Vec<(String, String)> = redirects
            .iter()
            .map(|r| (format!("{root}{}", r.from), format!("{root}{}", r.to)))
            .collect();
        self.outputs
            .extend(hosts::files(&site.config, &moved, !site.admin.is_empty()));
    }

    /// The feed of messages and offer entries, when the site has any.
    fn feed(&mut self, site: &Site, base_url: &str, words: &strings::Strings) {
        if let Some(feed) = feed::data(site, base_url, words) {
            self.text(feed::FILE, feed::FILE, feed);
        }
    }

    /// The calendar files of one language's events.
    fn calendars(&mut self, planner: &Planner, base_url: &str) {
        let words = calendar::Words {
            name: &planner.site().config.title,
            online: planner.word("event_online"),
        };
        self.outputs
            .extend(calendar::files(planner.site(), base_url, planner.prefix(), &words));
    }

    /// The files published as they are: the editor's page, the cleaned
    /// pictures, the theme's assets and the web app manifest.
    fn files(&mut self, site: &Site, pictures: &Pictures) {
        // The editor's page, for the participation team (`promise cms`).
        for (path, bytes) in &site.admin {
            self.outputs.insert(format!("{ADMIN}/{path}"), bytes.clone());
        }
        for (path, bytes) in &pictures.files {
            self.outputs.insert(path.clone(), bytes.to_vec());
        }
        let assets = assets::published(self.theme);
        let icon = assets.get("icon.svg").map_or("", |(path, _)| path.as_str());
        self.outputs
            .insert(offline::MANIFEST.to_string(), offline::manifest(&site.config, icon));
        for (path, bytes) in assets.into_values() {
            self.outputs.insert(path, bytes.to_vec());
        }
    }
}

/// A view as the plain data a template reads: text, numbers and lists,
/// which always convert.
pub(crate) fn plain(view: impl Serialize) -> serde_json::Value {
    serde_json::to_value(view).unwrap_or_else(|e| unreachable!("a view is plain text, numbers and lists: {e}"))
}

/// Two pieces of content that would be written to the same address (a
/// page called `ar` and the Arabic pages, for one), by each page's file.
fn same_address(addresses: &[(String, Target, String)]) -> Result<(), Vec<Diagnostic>> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (file, target, source) in addresses {
        if let Some(first) = seen.get(file.as_str()) {
            problems.push(clash(target, first, source));
        } else if RESERVED.iter().any(|r| file.starts_with(&format!("{r}/"))) {
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
