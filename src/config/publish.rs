//! `[publish]`: where the site is put online.

use serde::Deserialize;

/// Where the site is put online.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Publish {
    /// The host, for the files it reads beside the pages: the headers every
    /// answer carries and where old addresses lead.
    pub host: Host,
}

/// A kind of web host, by what it reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Host {
    /// `_headers` and `_redirects`, later rules replacing earlier ones.
    Netlify,
    /// `_headers` and `_redirects`, matching rules added together.
    CloudflarePages,
    /// `.htaccess`.
    Apache,
    /// A file to include in the server's configuration.
    Nginx,
    /// Nothing: it cannot send headers, so the pages' own policy is all.
    GithubPages,
    /// `_redirects`; it cannot send headers either.
    GitlabPages,
    /// Nothing: the README says what to set.
    #[default]
    Other,
}
