//! The theme's static files (the stylesheet, the icon, and anything a council
//! adds to `theme/static/`), published under names that change with their
//! contents, such as `assets/site.1a2b3c4d5e.css`. A host can then let
//! browsers keep them for a year: a changed stylesheet is a new address, so
//! nobody is left with an old one.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::theme::Theme;
use crate::layout::ASSETS;

/// Each static file's published path (`assets/site.1a2b3c4d5e.css`) by its
/// name in the theme (`site.css`), with its bytes.
pub fn published(theme: &Theme) -> BTreeMap<&str, (String, &[u8])> {
    theme
        .folder("static")
        .map(|(name, file)| {
            (
                name,
                (
                    format!("{ASSETS}/{}", fingerprinted(name, &file.bytes)),
                    &file.bytes[..],
                ),
            )
        })
        .collect()
}

/// `site.css` as `site.1a2b3c4d5e.css`: ten hex digits of its SHA-256 before
/// the extension (after the name, for a name without one).
fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && !stem.ends_with('/') && !extension.contains('/') => {
            format!("{stem}.{hash}.{extension}")
        }
        _ => format!("{name}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprinted;

    #[test]
    fn the_hash_goes_before_the_extension_and_follows_the_contents() {
        let a = fingerprinted("site.css", b"body{}");
        assert!(a.starts_with("site.") && a.ends_with(".css") && a.len() == "site..css".len() + 10);
        assert_ne!(a, fingerprinted("site.css", b"body{color:red}"));
        assert_eq!(a, fingerprinted("site.css", b"body{}"));
        assert!(fingerprinted("fonts/a.b.woff2", b"x").starts_with("fonts/a.b."));
        assert!(fingerprinted("LICENCE", b"x").starts_with("LICENCE."));
        assert!(fingerprinted(".hidden", b"x").starts_with(".hidden."));
        assert!(fingerprinted("v1.0/LICENCE", b"x").starts_with("v1.0/LICENCE."));
    }
}
