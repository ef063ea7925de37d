//! What an author wrote that the site will not do as written: a link that
//! could run code or leaves the site unsafely, a number that cannot be
//! called, a picture from another website, and HTML, which is shown as text
//! so that nothing an author types can break a page.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::Doc;
use crate::diagnostics::Diagnostic;
use crate::render::urls::Address;

const SAFE_LINKS: &str = "link to a page of this site (starting with /), a website (https://...), an email address (mailto:...) or a phone number (tel:...)";

pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(doc.body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => found.extend(link(doc, &dest_url, range)),
            Event::Start(Tag::Image { dest_url, .. }) if Address::of(&dest_url) != Address::Site => found.push(
                Diagnostic::error("outside-picture", format!("this picture is on another website: {dest_url}"))
                    .at(doc.in_body(range))
                    .help("save the picture in the content folder's images/ folder and write its address as /images/<its file name>: a picture from another website would tell that website who is reading"),
            ),
            Event::Html(raw) | Event::InlineHtml(raw) if !raw.trim_start().starts_with("<!--") => found.push(
                Diagnostic::warning("raw-html", "this HTML is shown on the page as typed, not used as HTML")
                    .at(doc.in_body(range))
                    .help("write it in markdown instead (**bold**, [links](/page/), ## headings); HTML is shown as text so nothing typed can break a page"),
            ),
            _ => {}
        }
    }
    found
}

fn link(doc: &Doc, dest: &str, range: std::ops::Range<usize>) -> Option<Diagnostic> {
    match Address::of(dest) {
        Address::Other(scheme) => Some(
            Diagnostic::error(
                "unsafe-link",
                format!("a link that starts with \"{scheme}:\" cannot be used on the site"),
            )
            .at(doc.in_body(range))
            .label("this is shown as plain words")
            .help(SAFE_LINKS),
        ),
        Address::Web { secure: false } => Some(
            Diagnostic::warning("insecure-link", "this link does not start with https://")
                .at(doc.in_body(range))
                .help("write the address with https:// if the website has it: without it, what a young person sends or reads there can be seen by others"),
        ),
        Address::Phone(number) => crate::phone::parse(&number).err().map(|problem| {
            let (message, help) = problem.explain(&number);
            Diagnostic::error("bad-phone", message).at(doc.in_body(range)).help(help)
        }),
        Address::Mail => {
            let address = dest.split_once(':').map_or(dest, |(_, a)| a);
            let address = address.split('?').next().unwrap_or_default();
            let address = percent_encoding::percent_decode_str(address).decode_utf8_lossy();
            crate::email::problem(&address).map(|(message, help)| {
                Diagnostic::error("bad-email", message).at(doc.in_body(range)).help(help)
            })
        }
        Address::Site | Address::Web { secure: true } | Address::Sms => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(body: &str) -> Vec<(String, usize, usize)> {
        crate::check::findings(check, body)
    }

    #[test]
    fn only_safe_links_and_pictures_of_the_site() {
        assert_eq!(codes("Hi [x](javascript:alert(1))"), vec![("unsafe-link".into(), 1, 4)]);
        assert_eq!(codes("\n[x](vbscript:x) <data:text/html,x>")[0].0, "unsafe-link");
        assert_eq!(codes("[x](http://x.example/)"), vec![("insecure-link".into(), 1, 1)]);
        assert_eq!(codes("[x](tel:call-us)"), vec![("bad-phone".into(), 1, 1)]);
        assert_eq!(codes("[x](mailto:rights%20at%20westmere)")[0].0, "bad-email");
        assert!(codes("[x](mailto:rights@westmere.example?subject=Hello)").is_empty());
        assert_eq!(codes("[x](tel:09098790000)")[0].0, "bad-phone");
        assert_eq!(
            codes("![x](https://x.example/a.png)"),
            vec![("outside-picture".into(), 1, 1)]
        );
        assert!(
            codes("[a](/b/) [c](https://x.example/) [d](mailto:a@x.example) [e](tel:01134960101) [f](sms:07123456789)")
                .is_empty()
        );
    }

    #[test]
    fn html_is_pointed_out_but_comments_are_not() {
        assert_eq!(
            codes("Hi\n\n<b>bold</b> there"),
            vec![("raw-html".into(), 3, 1), ("raw-html".into(), 3, 8)]
        );
        assert!(codes("Hi <!-- allow: placement -->").is_empty());
    }
}
