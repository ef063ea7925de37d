//! Long lists split over pages (`messages/`, `messages/page/2/` ...), so a
//! phone on little data never loads thousands of cards at once, and each
//! page costs the same however long the list grows.

use serde::Serialize;

use super::{Crumb, Planner};
use crate::render::urls::{Links, Target};

/// Cards on a page of a band's promises, the local offer or an age's offer.
pub const CARDS: usize = 24;
/// Messages on a page of "you said, we did": each is a few paragraphs.
pub const MESSAGES: usize = 10;
/// A band's other promises listed in full at the foot of a promise page;
/// past this, the nearest ones and a link to the band's page.
pub const NEIGHBOURS: usize = 12;

/// How many pages `items` take, `per` to a page: at least one, so an
/// empty list still has its page saying so.
pub fn count(items: usize, per: usize) -> usize {
    items.div_ceil(per).max(1)
}

/// The items on page `page` (from 1).
pub fn slice<T>(items: &[T], page: usize, per: usize) -> &[T] {
    let start = page.saturating_sub(1).saturating_mul(per).min(items.len());
    &items[start..start.saturating_add(per).min(items.len())]
}

/// The page (from 1) the item at `index` is on.
pub fn page_of(index: usize, per: usize) -> usize {
    index / per + 1
}

/// The page of "you said, we did" that holds the message at `index`, for
/// the feed and the checks to link to.
pub fn message_page(index: usize) -> Target {
    Target::Messages.page(page_of(index, MESSAGES))
}

/// At most `NEIGHBOURS` items around `current` (an index into `len`
/// items): the range to list, the current one inside it.
pub fn window(current: usize, len: usize) -> std::ops::Range<usize> {
    if len <= NEIGHBOURS + 1 {
        return 0..len;
    }
    let half = NEIGHBOURS / 2;
    let start = current.saturating_sub(half).min(len - NEIGHBOURS - 1);
    start..start + NEIGHBOURS + 1
}

/// The links between the pages of a long list: previous, next, and the
/// pages by number with gaps between.
#[derive(Serialize)]
pub(super) struct Pager {
    page: usize,
    pages: usize,
    previous: Option<String>,
    next: Option<String>,
    items: Vec<PagerItem>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum PagerItem {
    /// Pages left out between two numbers.
    Gap {
        gap: bool,
    },
    Page {
        page: usize,
        href: String,
        current: bool,
    },
}

impl Planner<'_> {
    /// The links between a list's pages, for page `page` of `pages`: the
    /// previous and next, the first and last, and the two either side.
    /// None when the list fits on one page.
    pub(super) fn pager(&self, links: &Links, list: &Target, page: usize, pages: usize) -> Option<Pager> {
        if pages < 2 {
            return None;
        }
        let href = |n: usize| links.to(&list.page(n));
        let mut numbers: Vec<usize> = vec![1];
        numbers.extend(page.saturating_sub(2).max(2)..=(page + 2).min(pages));
        numbers.push(pages);
        numbers.dedup();
        let mut items = Vec::new();
        let mut last = 0;
        for n in numbers {
            if n > last + 1 {
                items.push(PagerItem::Gap { gap: true });
            }
            items.push(PagerItem::Page {
                page: n,
                href: href(n),
                current: n == page,
            });
            last = n;
        }
        Some(Pager {
            page,
            pages,
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < pages).then(|| href(page + 1)),
            items,
        })
    }

    /// A later page's breadcrumb back to its list's first page, titled `title`.
    pub(super) fn first_page<'c>(
        &'c self,
        links: &Links,
        title: &'c str,
        list: &Target,
        page: usize,
    ) -> Vec<Crumb<'c>> {
        if page < 2 {
            return Vec::new();
        }
        vec![self.crumb(links, title, list.clone())]
    }

    /// A later page's title: "0-11: page 2 of 14"; the first keeps its own.
    pub(super) fn paged_title(&self, title: &str, page: usize, pages: usize) -> String {
        if page < 2 {
            return title.to_string();
        }
        self.word("page_title")
            .replace("{title}", title)
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_split_a_list_without_losing_or_repeating_an_item() {
        let items: Vec<usize> = (0..50).collect();
        assert_eq!(count(items.len(), 24), 3);
        assert_eq!(count(0, 24), 1);
        let all: Vec<usize> = (1..=3).flat_map(|p| slice(&items, p, 24).to_vec()).collect();
        assert_eq!(all, items);
        assert!(slice(&items, 4, 24).is_empty());
        assert_eq!(page_of(23, 24), 1);
        assert_eq!(page_of(24, 24), 2);
    }

    #[test]
    fn a_window_holds_the_current_item_and_at_most_its_neighbours() {
        assert_eq!(window(3, 10), 0..10);
        for len in [14, 100, 3300] {
            for current in [0, 1, 6, 7, len / 2, len - 2, len - 1] {
                let w = window(current, len);
                assert!(w.contains(&current), "{current} of {len}: {w:?}");
                assert_eq!(w.len(), NEIGHBOURS + 1);
                assert!(w.end <= len);
            }
        }
    }
}
