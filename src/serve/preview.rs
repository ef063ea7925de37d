//! One build of the preview and the answers it gives: the site's own files,
//! its pages with the preview bar and the check findings added, or (when the
//! content has errors) a page that lists them.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use super::http::Reply;
use super::paths::{self, Refused};
use crate::diagnostics::{self, Diagnostic};
use crate::render::markdown::escape;
use crate::report;
use crate::{Built, Options, check, render_site};

const SCRIPT: &str = include_str!("preview.js");
const STYLE: &str = include_str!("preview.css");
/// Addresses under this belong to the preview, never to the site.
pub const PREFIX: &str = "/__promise/";

/// The site as last built, or the problems that stopped it.
pub struct Snapshot {
    /// Goes up by one with every build; a page reloads when it changes.
    pub version: u64,
    pub built: Result<Built, Vec<Diagnostic>>,
    /// The findings about each page, by the page's file.
    findings: BTreeMap<String, Vec<Finding>>,
    pub took: Duration,
    /// How many leaflets it typeset: the others were kept from before.
    pub typeset: usize,
}

/// A finding as the page's script needs it: what to say, and the words to
/// mark.
#[derive(Debug, Clone, serde::Serialize)]
struct Finding {
    severity: &'static str,
    message: String,
    help: Option<String>,
    /// The content file and line it is about.
    file: String,
    line: usize,
    /// The words the finding is about, as typed.
    text: String,
}

impl Snapshot {
    /// Builds the site in `content`.
    pub fn build(content: &Path, options: &Options, version: u64) -> Snapshot {
        let started = Instant::now();
        let built = render_site(content, options);
        let typeset = options.typeset.take_made();
        if built.is_ok() {
            // Only what this build used is kept in memory for the next.
            options.pictures.prune();
            options.typeset.prune();
            options.cards.prune();
        }
        let mut findings: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
        if let Ok(built) = &built {
            let mut files = report::Files::new(content);
            let pages: BTreeMap<&Path, String> = check::docs(&built.site)
                .iter()
                .map(|doc| (doc.origin.file.as_path(), doc.target.file()))
                .collect();
            for d in &built.warnings {
                let (Some(at), Some(file)) = (&d.at, d.file.as_deref()) else {
                    continue;
                };
                if let Some(page) = pages.get(file) {
                    findings.entry(page.clone()).or_default().push(Finding {
                        severity: if d.is_error() { "error" } else { "warning" },
                        message: d.message.clone(),
                        help: d.help.as_deref().map(str::to_string),
                        file: diagnostics::display_path(file),
                        line: at.line,
                        text: files.underlined(at),
                    });
                }
            }
        }
        Snapshot {
            version,
            built,
            findings,
            took: started.elapsed(),
            typeset,
        }
    }

    /// How many errors and warnings the build found.
    pub fn counts(&self) -> (usize, usize) {
        let all = match &self.built {
            Ok(built) => &built.warnings,
            Err(problems) => problems,
        };
        let errors = all.iter().filter(|d| d.is_error()).count();
        (errors, all.len() - errors)
    }

    /// The answer to a request for `url` (anything but the reload wait).
    pub fn reply(&self, url: &str, content: &Path) -> Reply {
        let path = url.split('?').next().unwrap_or_default();
        match path.strip_prefix(PREFIX) {
            Some("preview.js") => return Reply::new(200, "text/javascript; charset=utf-8", SCRIPT),
            Some("preview.css") => return Reply::new(200, "text/css; charset=utf-8", STYLE),
            Some("phone") => return self.phone(url),
            Some(_) => return Reply::new(404, "text/plain; charset=utf-8", "Not found"),
            None => {}
        }
        let file = match paths::file_for(url) {
            Ok(file) => file,
            Err(Refused::BadRequest) => {
                return Reply::new(
                    400,
                    "text/plain; charset=utf-8",
                    "That address cannot be part of the site.",
                );
            }
        };
        let built = match &self.built {
            Ok(built) => built,
            Err(problems) => return self.problems(problems, content),
        };
        let found = built
            .outputs
            .get(&file)
            .map(|bytes| (200, file.as_str(), bytes))
            .or_else(|| {
                // A folder asked for without its final slash.
                let index = format!("{file}/index.html");
                built.outputs.get_key_value(&index).map(|(k, v)| (200, k.as_str(), v))
            })
            .or_else(|| built.outputs.get("404.html").map(|bytes| (404, "404.html", bytes)));
        let Some((status, file, bytes)) = found else {
            return Reply::new(404, "text/plain; charset=utf-8", "Not found");
        };
        let content_type = paths::content_type(file);
        if file.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let findings = self.findings.get(file).map(Vec::as_slice).unwrap_or_default();
            Reply::new(status, content_type, self.decorate(&html, path, built, findings))
        } else {
            Reply::new(status, content_type, bytes.clone())
        }
    }

    /// A page of the site with the preview's bar, findings and script.
    fn decorate(&self, html: &str, path: &str, built: &Built, findings: &[Finding]) -> String {
        let mut bar = String::from(
            "<div class=\"promise-preview\" role=\"region\" aria-label=\"Preview\"><strong>Preview</strong>: young people cannot see this until you publish it.<ul>",
        );
        bar.push_str("<li><a href=\"/\">Home</a></li>");
        for band in &built.site.config.bands {
            bar.push_str(&format!(
                "<li><a href=\"/{}/\">{}</a></li>",
                escape(&band.id),
                escape(&band.label)
            ));
        }
        bar.push_str(&format!(
            "<li><a href=\"{PREFIX}phone?page={}\">See it at phone width</a></li></ul></div>",
            escape(path)
        ));
        if !findings.is_empty() {
            bar.push_str("<section class=\"promise-findings\" aria-label=\"What the checks found\"><ul>");
            for f in findings {
                let help = f.help.as_deref().map(|h| format!(" {}", escape(h))).unwrap_or_default();
                bar.push_str(&format!(
                    "<li><strong>{} line {}</strong>: {}.{help}</li>",
                    escape(&f.file),
                    f.line,
                    escape(&f.message)
                ));
            }
            bar.push_str("</ul></section>");
        }
        let data = serde_json::to_string(findings).unwrap_or_else(|_| "[]".to_string());
        let tail = format!(
            "<script type=\"application/json\" id=\"promise-findings\">{}</script><script src=\"{PREFIX}preview.js\" data-version=\"{}\" defer></script>",
            data.replace("</", "<\\/"),
            self.version
        );
        let html = html.replacen(
            "default-src 'none'",
            "default-src 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'",
            1,
        );
        let html = html.replacen(
            "</head>",
            &format!("<link rel=\"stylesheet\" href=\"{PREFIX}preview.css\"></head>"),
            1,
        );
        let html = match html
            .find("<body")
            .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        {
            Some(at) => format!("{}{bar}{}", &html[..at], &html[at..]),
            None => format!("{bar}{html}"),
        };
        match html.rfind("</body>") {
            Some(at) => format!("{}{tail}{}", &html[..at], &html[at..]),
            None => format!("{html}{tail}"),
        }
    }

    /// What the officer sees instead of the page while the content has
    /// errors; it reloads by itself once they are fixed.
    fn problems(&self, problems: &[Diagnostic], content: &Path) -> Reply {
        let errors = problems.iter().filter(|d| d.is_error()).count();
        let listing = report::to_human(problems, content, false, true);
        let body = page(
            "The preview cannot show the site yet",
            &format!(
                "<main class=\"promise-problems\"><h1>The preview cannot show the site yet</h1><p>{} in the content {} to be fixed first. Each one says which file and line it is on, and what to do. Save the file and this page will update by itself.</p><pre>{}</pre></main>",
                if errors == 1 {
                    "1 problem".to_string()
                } else {
                    format!("{errors} problems")
                },
                if errors == 1 { "needs" } else { "need" },
                escape(&listing)
            ),
            self.version,
        );
        Reply::new(500, "text/html; charset=utf-8", body)
    }

    /// A page showing another at the width of a phone.
    fn phone(&self, url: &str) -> Reply {
        let page_path = url
            .split_once("page=")
            .map(|(_, p)| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned())
            .filter(|p| paths::file_for(p).is_ok())
            .unwrap_or_else(|| "/".to_string());
        let body = page(
            "At phone width",
            &format!(
                "<main><p class=\"promise-preview\"><a href=\"{0}\">Back to the full width</a></p><iframe class=\"promise-phone\" src=\"{0}\" title=\"The page at the width of a phone, 360 pixels\"></iframe></main>",
                escape(&page_path)
            ),
            self.version,
        );
        Reply::new(200, "text/html; charset=utf-8", body)
    }
}

/// A page of the preview itself, with its stylesheet and reload script.
fn page(title: &str, main: &str, version: u64) -> String {
    format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{} – preview</title><link rel=\"stylesheet\" href=\"{PREFIX}preview.css\"></head><body>{main}<script src=\"{PREFIX}preview.js\" data-version=\"{version}\" defer></script></body></html>",
        escape(title)
    )
}

/// The version a wait request has seen: `/__promise/wait?v=3` is 3.
pub fn seen_version(url: &str) -> u64 {
    url.split_once("v=")
        .and_then(|(_, v)| v.split('&').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Whether a request is the long wait for the next build.
pub fn is_wait(url: &str) -> bool {
    url.starts_with(&format!("{PREFIX}wait"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_requests_say_what_they_have_seen() {
        assert!(is_wait("/__promise/wait?v=3"));
        assert_eq!(seen_version("/__promise/wait?v=3"), 3);
        assert_eq!(seen_version("/__promise/wait"), 0);
    }

    #[test]
    fn pages_get_the_bar_findings_and_script() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let options = Options {
            leaflets: false,
            ..Options::default()
        };
        let snapshot = Snapshot::build(&content, &options, 7);
        let reply = snapshot.reply("/0-11/", &content);
        assert_eq!(reply.status, 200);
        // The preview shows the cleaned pictures, in every width.
        let picture = snapshot.reply("/images/park.360w.jpg", &content);
        assert_eq!(picture.status, 200);
        assert!(!picture.body.windows(4).any(|w| w == b"Exif"));
        let html = String::from_utf8(reply.body).unwrap();
        assert!(html.contains("script-src 'self'"), "the preview may run its script");
        assert!(html.contains("data-version=\"7\""));
        assert!(html.contains("class=\"promise-preview\""));
        assert_eq!(snapshot.reply("/nowhere/", &content).status, 404);
        assert_eq!(snapshot.reply("/%2e%2e/Cargo.toml", &content).status, 400);
    }
}
