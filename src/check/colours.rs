//! Colour contrast of the theme's stylesheet: the colours a council sets in
//! its own `theme/static/site.css` must keep text readable, in the light and
//! the dark scheme and in every band's look.
//!
//! The stylesheet names its colours as custom properties (`--text`, `--bg`,
//! ...); this check knows which of them are drawn on which.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::config::Look;
use crate::diagnostics::Diagnostic;
use crate::render::theme::Theme;

const STYLESHEET: &str = "static/site.css";

/// Text colour, background colour, and the contrast they need: 7:1 for body
/// text, 4.5:1 (WCAG 2.2 AA) for the rest.
const PAIRS: &[(&str, &str, f64)] = &[
    ("text", "bg", 7.0),
    ("text", "card", 7.0),
    ("text", "tint", 7.0),
    ("muted", "bg", 4.5),
    ("link", "bg", 4.5),
    ("on-accent", "accent", 4.5),
    ("focus-text", "focus", 4.5),
];

/// A colour set in the stylesheet, and where.
#[derive(Debug, Clone)]
struct Declared {
    value: String,
    span: Range<usize>,
}

type Colours = BTreeMap<String, Declared>;

pub fn check(theme: &Theme) -> Vec<Diagnostic> {
    let Some(file) = theme.files.get(STYLESHEET) else {
        return Vec::new();
    };
    let css = String::from_utf8_lossy(&file.bytes);
    let sheet = Sheet::read(&css);
    let mut found = Vec::new();
    let mut seen = Vec::new();
    for dark in [false, true] {
        for look in [Look::Young, Look::Teen, Look::Adult] {
            let colours = sheet.resolve(dark, &look.to_string());
            for &(text, background, needed) in PAIRS {
                let (Some(fg), Some(bg)) = (colours.get(text), colours.get(background)) else {
                    continue;
                };
                if seen.contains(&(fg.span.clone(), bg.span.clone())) {
                    continue;
                }
                let Some(ratio) = contrast(&fg.value, &bg.value) else {
                    // A colour that cannot be read cannot be checked: say so
                    // rather than let it pass.
                    seen.push((fg.span.clone(), bg.span.clone()));
                    let (name, unread) = if luminance(&fg.value).is_none() {
                        (text, fg)
                    } else {
                        (background, bg)
                    };
                    let d = Diagnostic::warning(
                        "bad-colour",
                        format!("--{name} is \"{}\", which is not a colour that can be checked", unread.value),
                    )
                    .help("write the colour as a hex code such as #1a1a1a, or as rgb(26, 26, 26), so its contrast can be checked");
                    found.push(place(d, theme, &css, unread));
                    continue;
                };
                if ratio + 1e-9 >= needed {
                    continue;
                }
                seen.push((fg.span.clone(), bg.span.clone()));
                let scheme = if dark { "dark" } else { "light" };
                let mut d = if ratio < 4.5 {
                    Diagnostic::error("contrast", format!("--{text} on --{background} is too faint to read"))
                } else {
                    Diagnostic::warning(
                        "contrast",
                        format!("--{text} on --{background} is hard to read as body text"),
                    )
                };
                d = d
                    .label(format!("{ratio:.1}:1 in the {scheme} scheme, {look} look; it needs {needed}:1"))
                    .help(format!("make --{text} darker or --{background} lighter (or the other way round in the dark scheme) until they contrast by at least {needed}:1"));
                found.push(place(d, theme, &css, fg));
            }
        }
    }
    found
}

/// The colour declarations of a stylesheet, by where they apply.
struct Sheet {
    /// (dark scheme?, selector: "root" or a look) to colours.
    rules: Vec<(bool, String, Colours)>,
}

impl Sheet {
    fn read(css: &str) -> Sheet {
        static RULE: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"([^{}]*)\{([^{}]*)\}"));
        static DECL: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"--([a-z0-9-]+)\s*:\s*([^;}]+)"));
        let css = strip_comments(css);
        let dark = dark_block(&css);
        let mut rules = Vec::new();
        for rule in RULE.captures_iter(&css) {
            let (Some(selector), Some(body)) = (rule.get(1), rule.get(2)) else {
                continue;
            };
            let in_dark = dark.as_ref().is_some_and(|d| d.contains(&selector.start()));
            let mut colours = Colours::new();
            for decl in DECL.captures_iter(body.as_str()) {
                if let (Some(name), Some(value)) = (decl.get(1), decl.get(2)) {
                    let span = body.start() + value.start()..body.start() + value.end();
                    colours.insert(
                        name.as_str().to_string(),
                        Declared {
                            value: value.as_str().trim().to_string(),
                            span,
                        },
                    );
                }
            }
            if colours.is_empty() {
                continue;
            }
            for part in selector.as_str().split(',') {
                let part = part.trim();
                let scope = if part == ":root" || part == "html" {
                    "root".to_string()
                } else if let Some(look) = part.strip_prefix(".look-") {
                    look.to_string()
                } else {
                    continue;
                };
                rules.push((in_dark, scope, colours.clone()));
            }
        }
        Sheet { rules }
    }

    /// The colours on a page of one look, in one scheme: the page's own
    /// (look) colours win over the root's, and the dark scheme's over the
    /// light's.
    fn resolve(&self, dark: bool, look: &str) -> Colours {
        let mut out = Colours::new();
        for (want_dark, want_scope) in [(false, "root"), (true, "root"), (false, look), (true, look)] {
            if want_dark && !dark {
                continue;
            }
            for (in_dark, scope, colours) in &self.rules {
                if *in_dark == want_dark && scope == want_scope {
                    out.extend(colours.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
        }
        out
    }
}

/// Comments blanked out with spaces, byte for byte, so positions stay where
/// they were.
fn strip_comments(css: &str) -> String {
    static COMMENT: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"(?s)/\*.*?\*/"));
    COMMENT
        .replace_all(css, |c: &regex::Captures| {
            c[0].chars()
                .map(|ch| {
                    if ch == '\n' {
                        "\n".to_string()
                    } else {
                        " ".repeat(ch.len_utf8())
                    }
                })
                .collect::<String>()
        })
        .into_owned()
}

/// The byte range of the `@media (prefers-color-scheme: dark)` block.
fn dark_block(css: &str) -> Option<Range<usize>> {
    let start = css.find("prefers-color-scheme: dark")?;
    let open = start + css[start..].find('{')?;
    let mut depth = 0;
    for (i, c) in css[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open..open + i);
                }
            }
            _ => {}
        }
    }
    Some(open..css.len())
}

/// A finding about a colour, at the colour's place in a council's own
/// stylesheet (the built-in one has no file to point at).
fn place(d: Diagnostic, theme: &Theme, css: &str, colour: &Declared) -> Diagnostic {
    let lines = crate::diagnostics::LineIndex::new(css);
    let at = lines.location(std::path::Path::new(STYLESHEET), css, colour.span.clone());
    match theme.location(STYLESHEET, at.line, at.column) {
        Some(mut file) => {
            file.len = at.len;
            d.at(file)
        }
        None => d.in_file("theme/static/site.css"),
    }
}

/// The relative luminance of a CSS colour, if it can be read.
fn luminance(text: &str) -> Option<f64> {
    let c = csscolorparser::parse(text).ok()?;
    let channel = |v: f32| {
        let v = f64::from(v);
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b))
}

/// The WCAG contrast ratio of two CSS colours, if both can be read.
fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_wcag() {
        let black_white = contrast("#000", "#fff").unwrap();
        assert!((black_white - 21.0).abs() < 1e-6, "{black_white}");
        let grey = contrast("#767676", "white").unwrap();
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn comments_keep_positions() {
        let css = "/* – */ :root { --text: #000; }";
        let sheet = Sheet::read(css);
        let text = &sheet.resolve(false, "teen")["text"];
        assert_eq!(&css[text.span.clone()], "#000");
    }

    #[test]
    fn the_dark_scheme_and_looks_override_the_root() {
        let css = ":root { --text: #000; --bg: #fff; }\n.look-young { --bg: #eee; }\n@media (prefers-color-scheme: dark) { :root { --text: #fff; --bg: #000; } }";
        let sheet = Sheet::read(css);
        let light = sheet.resolve(false, "young");
        assert_eq!(light["bg"].value, "#eee");
        assert_eq!(light["text"].value, "#000");
        let dark = sheet.resolve(true, "teen");
        assert_eq!(dark["text"].value, "#fff");
    }
}
