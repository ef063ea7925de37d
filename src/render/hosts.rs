//! The files each kind of host reads, all saying the same: the headers of
//! [`policy::headers`] on every answer, a short cache for pages and a year
//! for `assets/`, the 404 page, and each old address that now leads to a
//! new one.

use std::fmt::Write;

use super::policy::{self, ASSET_CACHE, EDITOR, PAGE_CACHE};
use crate::config::{Config, Host};
use crate::layout::{ADMIN, ASSETS};

/// The files `host` reads, by their path in the output folder. `redirects`
/// are old addresses and the ones they now lead to, as paths from the
/// host's root (`/0-11/old-name/`).
/// `editor` says whether the site has the browser editor's page at
/// `/admin/`, which has a policy of its own.
pub fn files(config: &Config, redirects: &[(String, String)], editor: bool) -> Vec<(String, Vec<u8>)> {
    let root = root_path(&config.base_url());
    let files = match config.publish.host {
        Host::Netlify => vec![
            ("_headers", headers_file(&root, false, editor)),
            ("_redirects", redirects_file(redirects)),
        ],
        Host::CloudflarePages => vec![
            ("_headers", headers_file(&root, true, editor)),
            ("_redirects", redirects_file(redirects)),
        ],
        Host::Apache => vec![(".htaccess", htaccess(&root, redirects, editor))],
        Host::Nginx => vec![(NGINX, nginx(&root, redirects, editor))],
        // GitLab Pages reads redirects, but sends no headers of a site's.
        Host::GitlabPages => vec![("_redirects", redirects_file(redirects))],
        Host::GithubPages | Host::Other => Vec::new(),
    };
    files
        .into_iter()
        .map(|(name, text)| (name.to_string(), text.into_bytes()))
        .collect()
}

/// The file an nginx server's configuration includes.
const NGINX: &str = "nginx.conf";

/// The path the site lives at on its host: `/`, or `/promise/` for a site
/// published at `https://www.westmere.gov.uk/promise/`.
pub fn root_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

/// `_headers`, as Netlify and Cloudflare Pages read it. Both apply every
/// rule whose path matches, but where two rules set the same header Netlify
/// keeps the later and Cloudflare joins them, so for Cloudflare the assets'
/// rule first takes the pages' cache time away (`! Cache-Control`).
fn headers_file(root: &str, cloudflare: bool, editor: bool) -> String {
    let mut text = String::from("# The headers the host sends, written by promise from site.toml's [publish].\n");
    let _ = writeln!(text, "{root}*");
    for (name, value) in policy::headers() {
        let _ = writeln!(text, "  {name}: {value}");
    }
    let _ = writeln!(text, "  Cache-Control: {PAGE_CACHE}");
    let _ = writeln!(text, "{root}{ASSETS}/*");
    if cloudflare {
        text.push_str("  ! Cache-Control\n");
    }
    let _ = writeln!(text, "  Cache-Control: {ASSET_CACHE}");
    if editor {
        let _ = writeln!(text, "{root}{ADMIN}/*");
        if cloudflare {
            text.push_str("  ! Content-Security-Policy\n");
        }
        let _ = writeln!(text, "  Content-Security-Policy: {}", EDITOR.as_str());
    }
    text
}

/// `_redirects`: an old address, the new one and a permanent redirect.
fn redirects_file(redirects: &[(String, String)]) -> String {
    let mut text = String::from("# Old addresses and where they lead now, written by promise from aliases.\n");
    for (from, to) in redirects {
        let _ = writeln!(text, "{from} {to} 301");
    }
    text
}

/// `.htaccess` for Apache (with mod_headers, and AllowOverride letting it
/// set headers and redirects).
fn htaccess(root: &str, redirects: &[(String, String)], editor: bool) -> String {
    let mut text = String::from(
        "# For Apache, written by promise from site.toml's [publish]. It needs mod_headers,\n\
         # and AllowOverride FileInfo for this folder.\n\
         <IfModule mod_headers.c>\n",
    );
    for (name, value) in policy::headers() {
        let _ = writeln!(text, "  Header always set {name} {}", quoted(&value));
    }
    let _ = writeln!(text, "  Header set Cache-Control {}", quoted(PAGE_CACHE));
    let _ = writeln!(text, "  <If \"%{{REQUEST_URI}} =~ m#^{root}{ASSETS}/#\">");
    let _ = writeln!(text, "    Header set Cache-Control {}", quoted(ASSET_CACHE));
    text.push_str("  </If>\n");
    if editor {
        let _ = writeln!(text, "  <If \"%{{REQUEST_URI}} =~ m#^{root}{ADMIN}/#\">");
        let _ = writeln!(
            text,
            "    Header always set Content-Security-Policy {}",
            quoted(&EDITOR)
        );
        text.push_str("  </If>\n");
    }
    text.push_str("</IfModule>\n");
    let _ = writeln!(text, "ErrorDocument 404 {root}404.html");
    for (from, to) in redirects {
        let _ = writeln!(text, "Redirect 301 {} {}", quoted(from), quoted(to));
    }
    text
}

/// What an nginx server block includes. nginx forgets the headers of the
/// server block in a location that sets any of its own, so the assets'
/// location says them all again.
fn nginx(root: &str, redirects: &[(String, String)], editor: bool) -> String {
    let headers_with = |policy: Option<&str>, cache: &str, indent: &str| {
        let mut text = String::new();
        for (name, value) in policy::headers() {
            let value = match policy {
                Some(editor) if name == "Content-Security-Policy" => editor.to_string(),
                _ => value,
            };
            let _ = writeln!(text, "{indent}add_header {name} {} always;", quoted(&value));
        }
        let _ = writeln!(text, "{indent}add_header Cache-Control {} always;", quoted(cache));
        text
    };
    let headers = |cache: &str, indent: &str| headers_with(None, cache, indent);
    let mut text = format!(
        "# For nginx, written by promise from site.toml's [publish]. Include it in the\n\
         # server block whose root is this folder:  include /path/to/this/folder/{NGINX};\n"
    );
    text.push_str(&headers(PAGE_CACHE, ""));
    let _ = writeln!(text, "error_page 404 {root}404.html;");
    let _ = writeln!(text, "location ^~ {root}{ASSETS}/ {{");
    text.push_str(&headers(ASSET_CACHE, "    "));
    text.push_str("}\n");
    if editor {
        let _ = writeln!(text, "location ^~ {root}{ADMIN}/ {{");
        text.push_str(&headers_with(Some(&EDITOR), PAGE_CACHE, "    "));
        text.push_str("}\n");
    }
    // This file is for the server, not for readers.
    let _ = writeln!(text, "location = {root}{NGINX} {{\n    return 404;\n}}");
    for (from, to) in redirects {
        let _ = writeln!(
            text,
            "location = {} {{\n    return 301 {};\n}}",
            quoted(from),
            quoted(to)
        );
    }
    text
}

/// A value in double quotes, as Apache and nginx read it.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::root_path;

    #[test]
    fn the_root_is_the_path_of_the_base_url() {
        assert_eq!(root_path("https://promise.westmere.example/"), "/");
        assert_eq!(root_path("https://www.westmere.gov.uk/promise/"), "/promise/");
        assert_eq!(root_path("http://localhost:8080/"), "/");
    }
}
