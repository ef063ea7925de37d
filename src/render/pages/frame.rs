//! What every page has around its own content: its title, language and
//! alternates, the header's bands, the footer, the breadcrumbs and links to
//! the leaflet, the feed and the theme's files.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{Crumb, PageJob, Planner};
use crate::config::Band;
use crate::render::urls::{Target, language_prefix};

impl Planner<'_> {
    /// A page's data: what every page has, plus `extra`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn job_data(
        &self,
        target: Target,
        template: &'static str,
        title: &str,
        crumbs: Vec<Crumb>,
        band: Option<&Band>,
        extra: Value,
        source: impl AsRef<std::path::Path>,
    ) -> PageJob {
        let config = &self.site.config;
        let links = self.links(&target);
        // A page inside a band also shows that band's name in its title.
        let band = band.or_else(|| match &target {
            Target::Promise { band, .. } => config.band(band),
            _ => None,
        });
        let head_title = match (&target, band) {
            (Target::Home, _) => config.title.clone(),
            (Target::Promise { .. }, Some(b)) => format!("{title} – {} – {}", b.label, config.title),
            _ => format!("{title} – {}", config.title),
        };
        let bands: Vec<Value> = config
            .bands
            .iter()
            .map(|b| {
                json!({
                    "id": b.id,
                    "label": b.label,
                    "look": b.look.to_string(),
                    "href": links.to(&Target::Band(b.id.clone())),
                    "current": band.is_some_and(|c| c.id == b.id),
                })
            })
            .collect();
        let footer: Vec<Value> = self
            .site
            .pages
            .iter()
            .map(|p| json!({ "title": p.title, "href": links.to(&Target::Page(p.slug.clone())), "foreign": self.foreign(&p.origin) }))
            .chain(std::iter::once(
                json!({ "title": self.word("accessibility_link"), "href": links.to(&Target::Accessibility), "foreign": null }),
            ))
            .collect();
        let section = match target.list() {
            Target::Home => "home",
            Target::Band(_) | Target::Promise { .. } => "band",
            Target::OfferIndex | Target::OfferEntry(_) | Target::OfferAge(_) | Target::Finder(_) => "offer",
            Target::Messages => "messages",
            Target::Page(_) | Target::Accessibility | Target::Help | Target::NotFound | Target::Next { .. } => "page",
        };
        let (lang, dir) = config.tag_and_dir(self.language);
        // The same page in every language, for the switcher and for search
        // engines (hreflang).
        let alternates: Vec<Value> = if config.languages.is_empty() || target == Target::NotFound {
            Vec::new()
        } else {
            std::iter::once((None, self.own_name.as_str()))
                .chain(config.languages.iter().map(|l| (Some(l), l.name.as_str())))
                .map(|(language, name)| {
                    let (code, dir) = config.tag_and_dir(language);
                    let prefix = language_prefix(language.map(|l| l.code.get_ref().as_str()));
                    json!({
                        "lang": code,
                        "name": name,
                        "dir": dir,
                        "href": links.to_in(&target, &prefix),
                        "url": target.url_in(&self.base_url, &prefix),
                        "current": prefix == self.prefix,
                    })
                })
                .collect()
        };
        let (leaflet, leaflet_lang) = self.leaflet(&target, &links);
        let mut context = json!({
            "lang": lang,
            "dir": dir,
            "content_foreign": null,
            "alternates": alternates,
            "own": self.own_words(),
            "site_title": config.title,
            "council": config.council,
            "description": config.description,
            "title": title,
            "head_title": head_title,
            "canonical": (target != Target::NotFound).then(|| target.url_in(&self.base_url, &self.prefix)),
            "listed": target.listed(),
            "root": links.root(),
            "csp": crate::render::policy::CONTENT,
            "feed_href": crate::render::feed::exists(self.site).then(|| links.file(crate::render::feed::FILE)),
            "manifest_href": links.file(crate::render::offline::MANIFEST),
            "offline": matches!(target, Target::Home | Target::Band(_)).then(|| json!({
                "root": links.root(),
                "prefix": self.prefix,
                "script": self.asset(&links, "offline.js"),
            })),
            "css": self.asset(&links, "site.css"),
            "icon_href": self.asset(&links, "icon.svg"),
            "assets": self.assets.iter().map(|(name, path)| (name.clone(), links.file(path))).collect::<BTreeMap<_, _>>(),
            "home_href": links.to(&Target::Home),
            "help_href": links.to(&Target::Help),
            "offer_href": links.to(&Target::OfferIndex),
            "messages_href": links.to(&Target::Messages),
            "section": section,
            "look": band.map_or("general".to_string(), |b| b.look.to_string()),
            "band": band.map(|b| json!({ "id": b.id, "label": b.label, "href": links.to(&Target::Band(b.id.clone())) })),
            "bands": bands,
            "footer": footer,
            "crumbs": crumbs,
            "leaflet": leaflet,
            "leaflet_lang": leaflet_lang,
            "t": self.strings_value,
        });
        if let (Value::Object(base), Value::Object(extra)) = (&mut context, extra) {
            base.extend(extra);
        }
        PageJob {
            target,
            template,
            context,
            source: source.as_ref().to_string_lossy().replace('\\', "/"),
        }
    }
}
