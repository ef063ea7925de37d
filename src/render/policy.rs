//! The rules a browser is given for every page: what it may load, what it
//! may tell other sites, which of the phone's sensors a page may ask for.
//! The pages carry the policy themselves (a `<meta>` tag), so it holds on a
//! host that sends no headers; a host that does sends it again, with what a
//! `<meta>` tag cannot say.

/// The Content-Security-Policy: everything from the site itself and nothing
/// from anywhere else; no script but the site's own files (the one that
/// saves pages for reading offline, and its worker), no forms.
pub const CONTENT: &str = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; manifest-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

/// Only an HTTP header can stop another site showing a page inside its own
/// (where it could be dressed up to look like something else).
const NOT_IN_FRAMES: &str = "frame-ancestors 'none'";

/// How long a browser keeps a page before asking again: five minutes, so a
/// changed promise or phone number reaches readers quickly.
pub const PAGE_CACHE: &str = "public, max-age=300";

/// How long it keeps a file whose name changes with its contents: a year.
pub const ASSET_CACHE: &str = "public, max-age=31536000, immutable";

/// The headers every answer carries, by name.
pub fn headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", format!("{CONTENT}; {NOT_IN_FRAMES}")),
        // The same for browsers too old to read frame-ancestors.
        ("X-Frame-Options", "DENY".into()),
        // A file is what its type says, never guessed at.
        ("X-Content-Type-Options", "nosniff".into()),
        // A site a reader goes on to is not told which page they came from.
        ("Referrer-Policy", "no-referrer".into()),
        // No page asks for the camera, microphone, location or the like.
        (
            "Permissions-Policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
                .into(),
        ),
    ]
}

/// The policy of the browser editor's page (`/admin/`, for the participation
/// team, never for young people): its one script, of one version, comes
/// from its publisher, with the styles and fonts it brings; it talks to
/// GitHub, where the content is kept.
pub static EDITOR: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let script = crate::editor::SCRIPT;
    format!(
        "default-src 'self'; script-src 'self' {script}; style-src 'self' 'unsafe-inline' https://unpkg.com; font-src 'self' https://unpkg.com; img-src 'self' data: blob: https:; media-src 'self' blob:; connect-src 'self' https://api.github.com https://github.com https://unpkg.com; frame-src 'self' https://github.com; base-uri 'none'; frame-ancestors 'none'"
    )
});
