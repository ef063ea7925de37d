//! A quarter's newsletter as a page: what young people told us and what
//! was done, the offer entries checked, and the events to come. The same
//! as its printed edition, whose QR codes lead here.

use serde::Serialize;

use super::events::EventCard;
use super::frame::Meta;
use super::messages::MessageView;
use super::offer::EntryCard;
use super::{PageJob, Planner};
use crate::config::Period;
use crate::render::dates;
use crate::render::urls::{Links, Target};

#[derive(Serialize)]
struct NewsPage<'a> {
    messages: Vec<MessageView<'a>>,
    entries: Vec<EntryCard<'a>>,
    events: Vec<EventCard<'a>>,
    messages_href: String,
    offer_href: String,
    events_href: String,
}

/// The latest newsletter, as the home page links to it.
#[derive(Serialize)]
pub(super) struct NewsLink {
    title: String,
    href: String,
}

impl Planner<'_> {
    /// The quarters with a newsletter, oldest first.
    fn periods(&self) -> Vec<Period> {
        self.site.config.newsletter.periods()
    }

    /// The page of the `i`th quarter of `[newsletter]`.
    pub(super) fn news_target(&self, i: usize) -> Target {
        Target::News(self.periods().get(i).map(Period::id).unwrap_or_default())
    }

    /// "News: October to December 2026".
    fn news_title(&self, period: &Period) -> String {
        dates::fill(
            self.word("news_title"),
            &[("period", &dates::period(self.strings, period))],
        )
    }

    /// The newest newsletter that has begun by today, for the home page.
    pub(super) fn latest_news(&self, links: &Links) -> Option<NewsLink> {
        let periods = self.periods();
        let (i, period) = periods
            .iter()
            .enumerate()
            .filter(|(_, p)| p.from <= self.today)
            .max_by_key(|(_, p)| p.from)?;
        Some(NewsLink {
            title: self.news_title(period),
            href: links.to(&self.news_target(i)),
        })
    }

    pub(super) fn news(&self, i: usize) -> PageJob {
        let target = self.news_target(i);
        let links = self.links(&target);
        let periods = self.periods();
        let Some(period) = periods.get(i) else {
            return self.not_found();
        };
        let news = self.site.news(*period, self.today);
        let content = NewsPage {
            messages: news
                .messages
                .into_iter()
                .map(|m| self.message_view(m, &links))
                .collect(),
            entries: news.entries.into_iter().map(|e| self.entry_card(e, &links)).collect(),
            events: news.events.into_iter().map(|e| self.event_card(e, &links)).collect(),
            messages_href: links.to(&Target::Messages),
            offer_href: links.to(&Target::OfferIndex),
            events_href: links.to(&Target::Events),
        };
        let title = self.news_title(period);
        self.framed(Meta::new(target, "news.html", &title), content)
    }
}
