//! Reading with no signal, when a reader asks for it. The home page and the
//! band pages have "Save to read offline": it registers the site's worker
//! (`sw.js`), which keeps the pages of the reader's language with the
//! stylesheet, script, icon and pictures, and serves them when the network
//! cannot. "Remove saved pages" takes it all away again, as a phone may be
//! shared. A web app manifest lets the site be added to the home screen.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::layout::{ASSETS, IMAGES, Outputs};

/// The worker, at the site's root so that it can answer for every page.
pub const WORKER: &str = "sw.js";
/// The web app manifest.
pub const MANIFEST: &str = "manifest.webmanifest";

/// What `sw.js` is given: the build it belongs to, which names its copy
/// (so a new build's worker replaces it), and the files a reader of each
/// language saves, by where the language's pages live ("" and `ar/`).
/// What `sw.js` is given.
#[derive(Serialize)]
pub struct Worker<'a> {
    build: String,
    files: BTreeMap<&'a String, Vec<&'a String>>,
}

pub fn worker_data<'a>(outputs: &'a Outputs, prefixes: &'a [String]) -> Worker<'a> {
    let shared: Vec<&String> = outputs
        .keys()
        .filter(|f| f.starts_with(&format!("{ASSETS}/")) || f.starts_with(&format!("{IMAGES}/")) || *f == MANIFEST)
        .collect();
    let others = |f: &str| prefixes.iter().any(|p| !p.is_empty() && f.starts_with(p.as_str()));
    let files: BTreeMap<&String, Vec<&String>> = prefixes
        .iter()
        .map(|prefix| {
            let pages = outputs.keys().filter(|f| {
                f.ends_with(".html")
                    && !crate::layout::is_editor_file(f)
                    && if prefix.is_empty() {
                        !others(f)
                    } else {
                        f.starts_with(prefix.as_str())
                    }
            });
            (prefix, pages.chain(shared.iter().copied()).collect())
        })
        .collect();
    // The build, for the worker, is what it saves: a new leaflet (dated the
    // day it is made) is not a reason to save every page again.
    let mut hash = Sha256::new();
    for path in files.values().flatten().collect::<std::collections::BTreeSet<_>>() {
        let bytes = outputs.get(*path).map_or(&[][..], Vec::as_slice);
        hash.update(path.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    let build: String = hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    Worker { build, files }
}

/// The web app manifest: the site's name, where it starts, its icon.
pub fn manifest(config: &Config, icon: &str) -> Vec<u8> {
    let (lang, dir) = config.tag_and_dir(None);
    let manifest = json!({
        "name": config.title,
        "short_name": config.title,
        "description": config.description,
        "lang": lang,
        "dir": dir,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#ffffff",
        "icons": [{ "src": icon, "sizes": "any", "type": "image/svg+xml" }],
    });
    serde_json::to_vec_pretty(&manifest).unwrap_or_default()
}
