//! Choosing what to print: a leaflet for each band and one for the local
//! offer, in the site's language and in each language that has its own, each
//! with its large print edition; and the addresses each prints.

use std::collections::BTreeMap;

use jiff::civil::Date;

use serde_json::{Value, json};

use super::art;
use super::data::{Edition, band_data, offer_data, pictures_for};
use super::glyphs::Glyphs;
use super::news::news_data;
use crate::config::{Paper, Period};
use crate::content::Site;
use crate::layout::large_print;
use crate::printed::{How, Printed};
use crate::render::leaflets::{Subject, file};
use crate::render::strings::Strings;
use crate::render::theme::Theme;

/// The body text of a large print leaflet, in points: the RNIB's Clear
/// Print guidance asks for 16 to 18.
const LARGE_PRINT_PT: u64 = 16;

/// What to print: every leaflet of the site, with the newsletters
/// `[newsletter]` names, or only the newsletter for one period.
#[derive(Clone, Copy)]
pub enum Which {
    All,
    News(Period),
}

/// Each leaflet of the site: its file, its name and its data, as it
/// stands on `today`.
pub(super) fn jobs(
    site: &Site,
    strings: &BTreeMap<String, Strings>,
    theme: &Theme,
    today: Date,
    which: Which,
) -> Vec<Job> {
    let no_strings = Strings::new();
    let words = |code: &str| strings.get(code).unwrap_or(&no_strings);
    let own = &site.config.language;
    let mut jobs = edition(&Edition::new(site, None, words(own)), today, which);
    for language in &site.config.languages {
        let code = language.code.get_ref();
        let translated = site.in_language(code);
        jobs.extend(edition(
            &Edition::new(&translated, Some(language), words(code)),
            today,
            which,
        ));
    }
    // No character a young person can type may stop a leaflet: the fonts
    // print what they can, and the checks point at the rest.
    let glyphs = Glyphs::of(theme);
    let drawings = art::drawings(theme);
    for job in &mut jobs {
        glyphs.clean(&mut job.data);
        job.data["art"] = pictures_for(&job.data, &drawings);
    }
    let large: Vec<Job> = jobs.iter().map(Job::large_print).collect();
    jobs.extend(large);
    jobs
}

/// The leaflets in one language: a band's, the local offer's and each
/// newsletter, when that language has its own ([`file`]).
fn edition(edition: &Edition, today: Date, which: Which) -> Vec<Job> {
    let site = edition.site;
    let print = &site.config.print;
    let own = |subject: Subject| file(site, subject, &edition.prefix).filter(|f| f.starts_with(&edition.prefix));
    // site.toml's page counts are for the leaflets in its own language: a
    // translation takes the pages its words need (print-spec.txt lists them).
    let asked = |pages: usize| edition.foreign.is_null().then_some(pages);
    let periods = match which {
        Which::All => site.config.newsletter.periods(),
        Which::News(period) => vec![period],
    };
    let newsletters: Vec<Job> = periods
        .into_iter()
        .filter_map(|period| {
            let file = own(Subject::News(&period.id()))?;
            let data = news_data(edition, &period, today);
            Some(Job {
                file,
                name: data["title"].as_str().unwrap_or_default().to_string(),
                // The quarter's news decides its length: print-spec.txt says it.
                pages: None,
                language: edition.language_name.clone(),
                paper: print.paper,
                data,
            })
        })
        .collect();
    if let Which::News(_) = which {
        return newsletters;
    }
    let mut jobs: Vec<Job> = site
        .config
        .bands
        .iter()
        .filter_map(|band| {
            Some(Job {
                file: own(Subject::Band(&band.id))?,
                name: band.label.clone(),
                pages: asked(band.pages.unwrap_or(print.pages)),
                language: edition.language_name.clone(),
                paper: print.paper,
                data: band_data(edition, band),
            })
        })
        .collect();
    if let Some(file) = own(Subject::Offer) {
        jobs.push(Job {
            file,
            name: edition.word("offer_title").to_string(),
            pages: asked(print.offer_pages),
            language: edition.language_name.clone(),
            paper: print.paper,
            data: offer_data(edition),
        });
    }
    jobs.extend(newsletters);
    jobs
}

/// One leaflet to make.
pub(super) struct Job {
    pub(super) file: String,
    pub(super) name: String,
    /// The pages site.toml asks for; None for a translation.
    pub(super) pages: Option<usize>,
    /// Its language, for the print shop: a tag and the language's name.
    pub(super) language: String,
    pub(super) paper: Paper,
    pub(super) data: Value,
}

impl Job {
    /// The same leaflet in large print, following the UK's Clear Print
    /// guidance: A4, body text of 16 point or more, ragged right, no text on
    /// a tint and no italics. It takes the pages it needs.
    fn large_print(&self) -> Job {
        let mut data = self.data.clone();
        data["large"] = json!(true);
        data["text_size"] = json!(LARGE_PRINT_PT);
        Job {
            file: large_print(&self.file),
            name: format!("{}, large print", self.name),
            pages: None,
            language: self.language.clone(),
            paper: Paper::A4,
            data,
        }
    }
}

/// The addresses of the site (whose pages are under `base`) the leaflet
/// `file` prints with `data`: its QR code's, and each link in its promises.
pub(super) fn printed(file: &str, data: &Value, base: &str) -> Vec<Printed> {
    let links = data["themes"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|theme| theme["promises"].as_array().into_iter().flatten())
        .flat_map(|promise| promise["links"].as_array().into_iter().flatten())
        .map(|link| (&link["url"], How::Link));
    // A newsletter's messages, entries and events each have a code.
    let codes = data["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|section| section["items"].as_array().into_iter().flatten())
        .map(|item| (&item["url"], How::QrCode));
    std::iter::once((&data["url"], How::QrCode))
        .chain(codes)
        .chain(links)
        .filter_map(|(url, how)| {
            let path = url.as_str()?.strip_prefix(base)?;
            let path = path.split(['#', '?']).next().unwrap_or_default();
            Some(Printed {
                address: format!("/{path}"),
                leaflet: file.to_string(),
                how,
            })
        })
        .collect()
}
