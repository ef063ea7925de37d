//! Minifying pages so they arrive quickly on a phone with little data. Only
//! changes the HTML standard allows, so pages stay valid.

use minify_html::Cfg;

pub fn html(html: &str) -> Vec<u8> {
    let mut cfg = Cfg::new();
    cfg.minify_css = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.keep_closing_tags = true;
    minify_html::minify(html.as_bytes(), &cfg)
}
