//! Markdown to HTML, the way every page of the site needs it: site links made
//! relative, headings under the page's own title, raw HTML shown as text, and
//! each promise given its anchor.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::urls::{Address, Links, resolve_picture};
use crate::content::{DECORATIVE, Promise};
use crate::pictures::Pictures;

/// How wide a picture is shown: the page's text column, or the phone's width
/// less the page's margins.
const PICTURE_SIZES: &str = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

/// Renders `markdown`. When `promises` is given, the n-th top-level list item
/// gets the n-th promise's anchor as its id.
pub fn to_html(markdown: &str, links: &Links, pictures: &Pictures, promises: Option<&[Promise]>) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    // The page title is the only h1, so a body that starts at h1 moves down one.
    let shift = usize::from(events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    }));
    let mut lists = 0usize;
    let mut kept_links: Vec<bool> = Vec::new();
    let mut anchors = promises.unwrap_or_default().iter().map(|p| p.anchor.as_str());
    let events = events.into_iter().filter_map(|event| match event {
        Event::Start(Tag::List(_)) => {
            lists += 1;
            Some(event)
        }
        Event::End(TagEnd::List(_)) => {
            lists = lists.saturating_sub(1);
            Some(event)
        }
        Event::Start(Tag::Item) if lists == 1 && promises.is_some() => match anchors.next() {
            Some(anchor) => Some(Event::Html(CowStr::from(format!("<li id=\"{}\">", escape(anchor))))),
            None => Some(event),
        },
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level, shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level, shift)))),
        // A link that could run code, or a number that cannot be called, is
        // left as its words (the checks say why).
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let href = match Address::of(&dest_url) {
                Address::Other(_) => None,
                Address::Phone(number) => crate::phone::parse(&number).ok().map(|p| p.tel),
                _ => Some(links.author_link(&dest_url)),
            };
            kept_links.push(href.is_some());
            href.map(|href| {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(href),
                    title,
                    id,
                })
            })
        }
        Event::End(TagEnd::Link) => kept_links.pop().unwrap_or(true).then_some(event),
        // Comments are notes for other authors; other HTML is shown as typed,
        // so no markup an author writes can break a page.
        Event::Html(raw) | Event::InlineHtml(raw) if raw.trim_start().starts_with("<!--") => None,
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    // Pictures last: their markup is made here, after the author's HTML
    // has been turned into text.
    html::push_html(&mut out, with_pictures(events.collect(), links, pictures).into_iter());
    out
}

/// Each picture as one `<img>`: its cleaned copies for every phone width
/// (`srcset`), its size (so the page does not jump as it loads), and lazy
/// loading for all but the first. A picture described as "decorative" gets
/// an empty alt text, which tells screen readers to skip it.
fn with_pictures<'a>(events: Vec<Event<'a>>, links: &Links, pictures: &Pictures) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut image: Option<(String, String, String)> = None;
    let mut first = true;
    for event in events {
        match event {
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                image = Some((dest_url.to_string(), title.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => match image.take() {
                // Only pictures of this site are shown: one from another
                // host would tell it who is reading (the checks say why).
                Some((dest, _, alt)) if Address::of(&dest) != Address::Site => out.push(Event::Text(alt.into())),
                Some((dest, title, alt)) => {
                    out.push(Event::Html(CowStr::from(img(
                        &dest, &title, &alt, links, pictures, first,
                    ))));
                    first = false;
                }
                None => {}
            },
            Event::Text(t) | Event::Code(t) if image.is_some() => {
                if let Some((_, _, alt)) = &mut image {
                    alt.push_str(&t);
                }
            }
            _ if image.is_some() => {}
            other => out.push(other),
        }
    }
    out
}

fn img(dest: &str, title: &str, alt: &str, links: &Links, pictures: &Pictures, first: bool) -> String {
    let alt = if alt.trim() == DECORATIVE { "" } else { alt };
    let mut tag = format!(
        "<img src=\"{}\" alt=\"{}\"",
        escape(&links.author_link(dest)),
        escape(alt)
    );
    if let Some(picture) = resolve_picture(dest).and_then(|path| pictures.get(&path)) {
        if picture.files.len() > 1 {
            let set: Vec<String> = picture
                .files
                .iter()
                .map(|(width, file)| format!("{} {width}w", escape(&links.file(file))))
                .collect();
            tag.push_str(&format!(" srcset=\"{}\" sizes=\"{PICTURE_SIZES}\"", set.join(", ")));
        }
        if let Some((width, height)) = picture.size {
            tag.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
        }
    }
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", escape(title)));
    }
    // The first picture may be on the first screen; the others wait until
    // the reader scrolls near them, to save a young person's data.
    if !first {
        tag.push_str(" loading=\"lazy\"");
    }
    tag.push_str(" decoding=\"async\">");
    tag
}

fn lower(level: HeadingLevel, by: usize) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + by).min(6)).unwrap_or(HeadingLevel::H6)
}

/// Escapes text for an HTML element or a double-quoted attribute: the four
/// characters that could end one, and nothing else. Every value on every
/// page goes through here, so it is one pass over the text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::urls::Target;

    fn links() -> Links {
        Links::from(&Target::Band("0-11".into()), "https://x.example/")
    }

    #[test]
    fn promises_get_their_anchors() {
        let promises = crate::content::model::Promise {
            anchor: "we-will-listen".into(),
            text: String::new(),
            line: 1,
            links: Vec::new(),
        };
        let html = to_html(
            "- We will listen\n  - to you\n",
            &links(),
            &Pictures::default(),
            Some(&[promises]),
        );
        assert!(html.contains("<li id=\"we-will-listen\">We will listen"), "{html}");
        assert!(html.contains("<li>to you</li>"), "{html}");
    }

    #[test]
    fn headings_move_below_the_title_and_html_is_text() {
        let html = to_html(
            "# Big\n\n## Smaller\n\n<script>x</script>\n\n<!-- note -->\n",
            &links(),
            &Pictures::default(),
            None,
        );
        assert!(html.contains("<h2>Big</h2>"), "{html}");
        assert!(html.contains("<h3>Smaller</h3>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("note"), "{html}");
    }

    #[test]
    fn decorative_pictures_have_an_empty_alt() {
        let html = to_html(
            "![decorative](/images/stars.png) ![A park](/images/park.png)",
            &links(),
            &Pictures::default(),
            None,
        );
        assert!(
            html.contains("<img src=\"../images/stars.png\" alt=\"\" decoding=\"async\">"),
            "{html}"
        );
        assert!(html.contains("alt=\"A park\" loading=\"lazy\""), "{html}");
    }

    #[test]
    fn pictures_get_every_width_and_their_size() {
        let mut pictures = Pictures::default();
        pictures.by_path.insert(
            "images/park.jpg".into(),
            crate::pictures::Picture {
                size: Some((720, 480)),
                files: vec![(360, "images/park.360w.jpg".into()), (720, "images/park.jpg".into())],
            },
        );
        let html = to_html("![A *park*](/images/park.jpg \"Sun\")", &links(), &pictures, None);
        assert_eq!(
            html,
            "<p><img src=\"../images/park.jpg\" alt=\"A park\" srcset=\"../images/park.360w.jpg 360w, ../images/park.jpg 720w\" \
             sizes=\"(min-width: 48rem) 46rem, calc(100vw - 2rem)\" width=\"720\" height=\"480\" title=\"Sun\" decoding=\"async\"></p>\n"
        );
    }

    #[test]
    fn escaping_covers_what_could_end_an_attribute() {
        assert_eq!(
            escape("Tom & Jerry's <b>\"x\"</b> / é"),
            "Tom &amp; Jerry's &lt;b&gt;&quot;x&quot;&lt;/b&gt; / é"
        );
    }

    #[test]
    fn links_that_run_code_or_leave_unsafely_lose_their_link() {
        let html = to_html(
            "[a](javascript:alert(1)) [b](DATA:text/html,x) [c](tel:0113%20496%200101) [d](tel:call-us) ![e](https://x.example/p.png)",
            &links(),
            &Pictures::default(),
            None,
        );
        assert_eq!(html, "<p>a b <a href=\"tel:+441134960101\">c</a> d e</p>\n");
    }

    #[test]
    fn site_links_become_relative() {
        let html = to_html("[Money](/local-offer/money/)", &links(), &Pictures::default(), None);
        assert!(html.contains("href=\"../local-offer/money/index.html\""), "{html}");
    }
}
