//! "You said, we did": the messages, ten to a page.

use serde_json::{Value, json};

use super::{PageJob, Planner, pager};
use crate::render::urls::Target;
use crate::render::views::message_view;

impl Planner<'_> {
    pub(super) fn messages(&self, page: usize) -> PageJob {
        let list = Target::Messages;
        let target = list.page(page);
        let links = self.links(&target);
        let pages = pager::count(self.site.messages.len(), pager::MESSAGES);
        let messages: Vec<Value> = pager::slice(&self.site.messages, page, pager::MESSAGES)
            .iter()
            .map(|m| {
                let mut view = message_view(m, &links, self.pictures);
                view["foreign"] = self.foreign(&m.origin);
                view["said"] = json!(self.month_year(m.said));
                view
            })
            .collect();
        let extra =
            json!({ "messages": messages, "first": page == 1, "pager": self.pager(&links, &list, page, pages) });
        self.job_data(
            target,
            "messages.html",
            &self.paged_title(self.word("messages_title"), page, pages),
            self.first_page(&links, self.word("messages_title"), &list, page),
            None,
            extra,
            "messages/",
        )
    }
}
