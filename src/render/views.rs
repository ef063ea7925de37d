//! What a page and a leaflet both show of a piece of content, made in one
//! place so the two never differ.

use serde_json::{Value, json};

use super::markdown::to_html;
use super::urls::Links;
use crate::config::Contact;
use crate::content::{Kind, Message, OfferEntry};
use crate::pictures::Pictures;

pub fn message_view(m: &Message, links: &Links, pictures: &Pictures) -> Value {
    json!({
        "id": m.slug,
        "title": m.title,
        "said_iso": m.said.to_string(),
        "we_did": m.we_did,
        "next": m.next,
        "html": to_html(&m.body, links, pictures, None),
    })
}

/// A local offer entry in a list, as the site and the leaflet show it.
pub fn offer_view(e: &OfferEntry) -> Value {
    json!({
        "title": e.title,
        "summary": e.summary,
        "how_to_get_it": e.how_to_get_it,
        "ages": e.ages,
        "legal": e.kind == Kind::Legal,
    })
}

/// A contact as a template shows it, with the `tel:` address its number
/// dials and any extension to ask for.
pub fn contact_view(c: &Contact) -> Value {
    let phone = crate::phone::parse(&c.phone).ok();
    json!({
        "name": c.name,
        "phone": phone.as_ref().map_or(c.phone.as_str(), |p| p.display.as_str()),
        "tel": phone.as_ref().map(|p| p.tel.as_str()),
        "extension": phone.as_ref().and_then(|p| p.extension.as_deref()),
        "email": c.email,
        "hours": c.hours,
        "text": c.text,
    })
}
