//! The names of things on disk: the folders and files of a content folder,
//! the folders `promise` writes into the built site, and what an old
//! address (an alias) may be. Every layer uses these names; none of them
//! decides anything.

use std::collections::BTreeMap;

/// The site's settings, at the root of the content folder.
/// The content folder the commands look in when not told another.
pub const CONTENT: &str = "content";
pub const SITE_TOML: &str = "site.toml";
/// Every address a leaflet has printed, at the root of the content folder.
pub const PRINTED: &str = "printed.toml";
/// The council's language that cares, at the root of the content folder
/// (and `words.<code>.toml` for each other language).
pub const WORDS: &str = "words.toml";

/// The folders of a content folder, and what goes in each.
pub const PROMISES: &str = "promises";
/// The local offer: a folder of the content and the address of its pages.
pub const OFFER: &str = "local-offer";
/// "You said, we did": a folder of the content and the address of its list.
pub const MESSAGES: &str = "messages";
pub const PAGES: &str = "pages";
/// Events: a folder of the content and the address of "What's on".
pub const EVENTS: &str = "events";
/// The newsletters' pages, one for each quarter.
pub const NEWS: &str = "news";
/// Pictures: a folder of the content, published cleaned under the same name.
pub const IMAGES: &str = "images";
/// Template and stylesheet overrides; read by the theme, not the loader.
pub const THEME: &str = "theme";
/// The browser editor's page: a folder of the content, published as written.
pub const ADMIN: &str = "admin";

/// The theme's stylesheet, script and icon in the built site.
pub const ASSETS: &str = "assets";
/// The leaflets in the built site.
pub const LEAFLETS: &str = "leaflets";
/// The pictures a chat app shows with a link to a page (link previews).
pub const CARDS: &str = "cards";

/// Folders of the built site that `promise` fills itself, where no page
/// of the content may go.
pub const RESERVED: [&str; 5] = [ASSETS, IMAGES, LEAFLETS, ADMIN, CARDS];

/// Every file of a built site by its path inside the output folder, in a
/// fixed order so every build writes the same bytes.
pub type Outputs = BTreeMap<String, Vec<u8>>;

/// Whether a file of the built site is the editor's (under `admin/`): the
/// participation team's, not a page young people read.
pub fn is_editor_file(path: &str) -> bool {
    path.strip_prefix(ADMIN).is_some_and(|rest| rest.starts_with('/'))
}

/// An old address as a path from the site's root, ending in `/`; None for
/// another site's address, the home page, or one a host could not serve.
pub fn alias_path(written: &str, base: &str) -> Option<String> {
    let path = if written.contains("://") {
        written.strip_prefix(base.trim_end_matches('/'))?
    } else {
        written
    };
    let path = path.split(['#', '?']).next().unwrap_or_default();
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let fine = |s: &&str| *s != "." && *s != ".." && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c));
    if segments.is_empty() || !segments.iter().all(fine) {
        return None;
    }
    Some(format!("{}/", segments.join("/")))
}

/// A leaflet's large print edition, beside it: `leaflets/0-11.pdf` has
/// `leaflets/0-11-large-print.pdf`.
pub fn large_print(file: &str) -> String {
    let stem = file.strip_suffix(".pdf").unwrap_or(file);
    format!("{stem}-large-print.pdf")
}
