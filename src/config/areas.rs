//! `[[areas]]`: the areas the local offer is grouped in.

use serde::Deserialize;

/// One area of the local offer, such as "accommodation".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    /// In another language: whether the title is still the site's own.
    #[serde(skip)]
    pub title_fallback: bool,
}

/// The six areas of a local offer named by the Children and Social Work Act
/// 2017, section 2.
pub(super) fn default_areas() -> Vec<Area> {
    [
        ("health-and-wellbeing", "Health and wellbeing"),
        ("relationships", "Relationships"),
        ("education-and-training", "Education and training"),
        ("employment", "Work"),
        ("accommodation", "Somewhere to live"),
        ("participation-in-society", "Having your say and taking part"),
    ]
    .into_iter()
    .map(|(id, title)| Area {
        id: id.to_string(),
        title: title.to_string(),
        title_fallback: false,
    })
    .collect()
}
