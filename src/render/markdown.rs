//! Markdown to HTML, the way every page of the site needs it: site links made
//! relative, headings under the page's own title, raw HTML shown as text, and
//! each promise given its anchor.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::urls::Links;
use crate::check::DECORATIVE;
use crate::content::Promise;

/// Renders `markdown`. When `promises` is given, the n-th top-level list item
/// gets the n-th promise's anchor as its id.
pub fn to_html(markdown: &str, links: &Links, promises: Option<&[Promise]>) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    hide_decorative(&mut events);
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
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(links.author_link(&dest_url)),
            title,
            id,
        })),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(links.author_link(&dest_url)),
            title,
            id,
        })),
        // Comments are notes for other authors; other HTML is shown as typed,
        // so no markup an author writes can break a page.
        Event::Html(raw) | Event::InlineHtml(raw) if raw.trim_start().starts_with("<!--") => None,
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A picture described as "decorative" gets an empty alt text, which tells
/// screen readers to skip it.
fn hide_decorative(events: &mut Vec<Event>) {
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i], Event::Start(Tag::Image { .. }))
            && matches!(events.get(i + 1), Some(Event::Text(t)) if t.trim() == DECORATIVE)
            && matches!(events.get(i + 2), Some(Event::End(TagEnd::Image)))
        {
            events.remove(i + 1);
        }
        i += 1;
    }
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
        };
        let html = to_html("- We will listen\n  - to you\n", &links(), Some(&[promises]));
        assert!(html.contains("<li id=\"we-will-listen\">We will listen"), "{html}");
        assert!(html.contains("<li>to you</li>"), "{html}");
    }

    #[test]
    fn headings_move_below_the_title_and_html_is_text() {
        let html = to_html(
            "# Big\n\n## Smaller\n\n<script>x</script>\n\n<!-- note -->\n",
            &links(),
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
            None,
        );
        assert!(html.contains("<img src=\"../images/stars.png\" alt=\"\" />"), "{html}");
        assert!(html.contains("alt=\"A park\""), "{html}");
    }

    #[test]
    fn escaping_covers_what_could_end_an_attribute() {
        assert_eq!(
            escape("Tom & Jerry's <b>\"x\"</b> / é"),
            "Tom &amp; Jerry's &lt;b&gt;&quot;x&quot;&lt;/b&gt; / é"
        );
    }

    #[test]
    fn site_links_become_relative() {
        let html = to_html("[Money](/local-offer/money/)", &links(), None);
        assert!(html.contains("href=\"../local-offer/money/index.html\""), "{html}");
    }
}
