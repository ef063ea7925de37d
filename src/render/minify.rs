//! Minifying pages so they arrive quickly on a phone with little data. Only
//! changes the HTML standard allows, so pages stay valid.
//!
//! Pages go through minify-html's one-pass minifier, several times faster
//! on the many pages of a large site; a page it cannot read (a council's
//! template can make markup it is too strict for) goes through the full one.

use minify_html::Cfg;

pub fn html(html: &str) -> Vec<u8> {
    let fast = minify_html_onepass::Cfg {
        minify_js: false,
        minify_css: true,
    };
    minify_html_onepass::copy(html.as_bytes(), &fast).unwrap_or_else(|_| {
        let mut cfg = Cfg::new();
        cfg.minify_css = true;
        cfg.keep_html_and_head_opening_tags = true;
        cfg.keep_closing_tags = true;
        minify_html::minify(html.as_bytes(), &cfg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_minified_and_stray_closing_tags_fall_back_to_the_full_minifier() {
        let page =
            "<!doctype html>\n<html lang=\"en-GB\">\n  <body>\n    <p class=\"a\">  Hello  </p>\n  </body>\n</html>\n";
        let small = String::from_utf8(html(page)).unwrap();
        assert!(small.starts_with("<!doctype html><html lang=en-GB>"), "{small}");
        assert!(small.len() < page.len());
        let stray = "<!doctype html><html lang=\"en-GB\"><body><p>Hi</p></div>\n\n</body></html>";
        assert!(minify_html_onepass::copy(stray.as_bytes(), &minify_html_onepass::Cfg::new()).is_err());
        let fixed = String::from_utf8(html(stray)).unwrap();
        assert!(fixed.contains("<p>Hi</p>"), "{fixed}");
    }
}
