//! "You said, we did": the messages, ten to a page.

use serde::Serialize;

use super::Foreign;
use super::frame::Meta;
use super::pager::{self, Pager};
use super::{PageJob, Planner};
use crate::content::Message;
use crate::render::markdown::to_html;
use crate::render::urls::{Links, Target};

#[derive(Serialize)]
struct Messages<'a> {
    messages: Vec<MessageView<'a>>,
    first: bool,
    pager: Option<Pager>,
}

/// A message: what young people said, what was done and what is next.
#[derive(Serialize)]
pub(super) struct MessageView<'a> {
    id: &'a str,
    title: &'a str,
    /// The month it was said, in words, and as a date for `<time>`.
    said: String,
    said_iso: String,
    we_did: &'a [String],
    next: &'a [String],
    html: String,
    foreign: Option<Foreign<'a>>,
}

impl Planner<'_> {
    pub(super) fn messages(&self, page: usize) -> PageJob {
        let list = Target::Messages;
        let target = list.page(page);
        let links = self.links(&target);
        let pages = pager::count(self.site.messages.len(), pager::MESSAGES);
        let messages = pager::slice(&self.site.messages, page, pager::MESSAGES)
            .iter()
            .map(|m| self.message_view(m, &links))
            .collect();
        let content = Messages {
            messages,
            first: page == 1,
            pager: self.pager(&links, &list, page, pages),
        };
        let title = self.paged_title(self.word("messages_title"), page, pages);
        let meta = Meta {
            crumbs: self.first_page(&links, self.word("messages_title"), &list, page),
            ..Meta::new(target, "messages.html", &title)
        };
        self.framed(meta, content)
    }

    /// A message as a page shows it, its links made from `links`.
    pub(super) fn message_view<'m>(&'m self, m: &'m Message, links: &Links) -> MessageView<'m> {
        MessageView {
            id: &m.slug,
            title: &m.title,
            said: self.month_year(m.said),
            said_iso: m.said.to_string(),
            we_did: &m.we_did,
            next: &m.next,
            html: to_html(&m.body, links, self.pictures, None),
            foreign: self.foreign(&m.origin),
        }
    }
}
