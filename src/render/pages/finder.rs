//! "Am I a care leaver?": a page for each question and each answer of the
//! rules in `leaving_care`, every one made at build time, so the finder
//! works with no JavaScript and nothing a young person chooses leaves their
//! phone. A phone may be shared: no page's address or title says what was
//! answered, so the history shows only "Help you can get", and with
//! JavaScript the first page asks every question itself (`finder.js`, from
//! the steps file made here) and adds nothing to the history at all.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Foreign;
use super::about::ContactCard;
use super::frame::Meta;
use super::offer::EntryCard;
use super::{PageJob, Planner, pager};
use crate::leaving_care::{self, Fact, Outcome, Path, Step};
use crate::render::urls::{Links, Target};

/// A page of the finder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinderPage {
    /// "How old are you?"
    Start,
    /// A question, or where the answers end.
    At(Path),
    /// "I'm not sure", to any question asked at an age.
    NotSure(u8),
}

/// Every page of the finder, the same for every site.
pub fn pages() -> &'static [FinderPage] {
    static PAGES: LazyLock<Vec<FinderPage>> = LazyLock::new(|| {
        let mut pages = vec![FinderPage::Start];
        pages.extend(leaving_care::paths().into_iter().map(FinderPage::At));
        pages.extend(leaving_care::OFFER_AGES.map(FinderPage::NotSure));
        pages
    });
    &PAGES
}

/// Where a page of the finder lives: the first question at `finder/`, every
/// other page at a name that says nothing of the answers (`finder/3f9a01c2/`).
pub fn target(page: &FinderPage) -> Target {
    match page {
        FinderPage::Start => Target::Finder(String::new()),
        FinderPage::At(path) => Target::Finder(opaque(&answers(path))),
        FinderPage::NotSure(age) => Target::Finder(opaque(&format!("{}not-sure/", answers(&Path::start(*age))))),
    }
}

/// A short name made from the answers, the same at every build.
fn opaque(answers: &str) -> String {
    let hash = Sha256::digest(answers.as_bytes());
    let name: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("{name}/")
}

/// `17/in-care-yes/13-weeks-no/`: the age, then each answer.
fn answers(path: &Path) -> String {
    let age = match path.age {
        age if age <= leaving_care::YOUNGEST => "under-16".to_string(),
        age if age >= leaving_care::OLDEST => "over-25".to_string(),
        age => age.to_string(),
    };
    let answers: String = path
        .answers
        .iter()
        .map(|(fact, yes)| format!("{}-{}/", fact.id(), if *yes { "yes" } else { "no" }))
        .collect();
    format!("{age}/{answers}")
}

/// The title of a page where the answers end, and what it says: for a
/// group, what the law's name means and what being in it gives.
fn outcome_words(outcome: Outcome) -> (&'static str, Vec<&'static str>) {
    match outcome {
        Outcome::Group(group) => {
            let [_, means, get] = group.words();
            ("finder_group_title", vec![means, get])
        }
        Outcome::InCare => ("result_in_care_title", vec!["result_in_care_means"]),
        Outcome::QualifyingEnded => ("result_qualifying_ended_title", vec!["result_qualifying_ended_means"]),
        Outcome::NotACareLeaver => ("result_not_a_care_leaver_title", vec!["result_not_a_care_leaver_means"]),
        Outcome::TooYoung => ("result_too_young_title", vec!["result_too_young_means"]),
        Outcome::TooOld => ("result_too_old_title", vec!["result_too_old_means"]),
    }
}

/// A page of the finder: a question, or where the answers end.
#[derive(Serialize)]
struct FinderView<'a> {
    finder: Finder<'a>,
}

#[derive(Serialize)]
struct Finder<'a> {
    /// The question or the answer, as the page's heading; the page's title
    /// is the same neutral words on every page of the finder.
    heading: String,
    back_href: String,
    start_href: String,
    /// On the first page, the script that asks every question there, and
    /// the file it asks them from.
    script: Option<String>,
    steps_href: Option<String>,
    said: Vec<Said<'a>>,
    /// A question to answer, or where the answers end: one of the two.
    question: Option<Question<'a>>,
    answer: Option<Box<Answer<'a>>>,
}

/// What a page of the finder holds.
enum Body<'a> {
    Question(Question<'a>),
    Answer(Box<Answer<'a>>),
}

/// A question, answered by big links.
#[derive(Serialize)]
struct Question<'a> {
    /// The first question's own heading; the others' is the page's heading.
    ask: Option<&'a str>,
    help: &'a str,
    choices: Vec<Choice<'a>>,
    /// Whether the choices are ages, set out as a grid.
    ages: bool,
    not_sure_href: Option<String>,
}

#[derive(Serialize)]
struct Choice<'a> {
    label: Cow<'a, str>,
    href: String,
    /// Whether the label is too long for a square button.
    wide: bool,
    /// What choosing it says, as "Your answers" lists it.
    said: Cow<'a, str>,
    /// The age it chooses, for the first question's choices.
    age: Option<u8>,
}

/// An answer given so far, with a link back to change it.
#[derive(Serialize)]
struct Said<'a> {
    text: Cow<'a, str>,
    href: String,
}

/// Where the answers end: the group (or why there is none), what it
/// means, and what the reader can get.
#[derive(Serialize)]
struct Answer<'a> {
    outcome: &'static str,
    means: Vec<&'a str>,
    /// Whether the answers end in a group of care leaver.
    group: bool,
    age: u8,
    /// How many entries there are, when there are more than are shown.
    more: Option<usize>,
    legal: Vec<EntryCard<'a>>,
    extra: Vec<EntryCard<'a>>,
    bands: Vec<BandButton<'a>>,
    age_href: Option<String>,
    contact: Option<ContactCard<'a>>,
    complain_href: Option<String>,
}

/// A band whose promises the reader can read instead.
#[derive(Serialize)]
struct BandButton<'a> {
    label: &'a str,
    href: String,
    foreign: Option<Foreign<'a>>,
}

/// The steps file: every question and every end of the finder, for
/// `finder.js` to show in the first page, and how the answers lead from
/// one to the next.
#[derive(Serialize)]
struct StepsView<'a> {
    steps: Steps<'a>,
}

#[derive(Serialize)]
struct Steps<'a> {
    start_href: String,
    /// By age, a question (`["in-care", yes, no]`) or an end's name.
    tree: String,
    questions: Vec<StepQuestion<'a>>,
    ends: Vec<StepEnd<'a>>,
    /// What the ends share, written once and named where they show it:
    /// every card, each contact (by the band whose it is) and how to
    /// complain.
    cards: Vec<EntryCard<'a>>,
    contacts: Vec<StepContact<'a>>,
    complain_href: Option<String>,
}

#[derive(Serialize)]
struct StepContact<'a> {
    key: &'a str,
    card: ContactCard<'a>,
}

#[derive(Serialize)]
struct StepQuestion<'a> {
    id: &'static str,
    heading: &'a str,
    help: &'a str,
    said_yes: &'a str,
    said_no: &'a str,
}

#[derive(Serialize)]
struct StepEnd<'a> {
    /// `17-relevant`, `17-not-sure`: the age, then the end.
    id: String,
    heading: String,
    answer: Box<Answer<'a>>,
    /// The band whose contact the end shows.
    contact: &'a str,
}

impl Planner<'_> {
    pub(super) fn finder(&self, page: &FinderPage) -> PageJob {
        let target = target(page);
        let links = self.links(&target);
        let start = Target::Finder(String::new());
        let (heading, body) = match page {
            FinderPage::Start => (self.word("finder_title").to_string(), self.ages_question(&links)),
            FinderPage::At(path) => match path.step() {
                Step::Ask(fact) => (
                    self.word(fact.words()[0]).to_string(),
                    self.question(path, fact, &links),
                ),
                Step::Done(outcome) => self.result(path.age, outcome, &links),
            },
            FinderPage::NotSure(age) => (
                self.word("result_not_sure_title").to_string(),
                Body::Answer(self.not_sure(*age, &links)),
            ),
        };
        let back = match page {
            FinderPage::Start => Target::OfferIndex,
            FinderPage::At(path) => path.back().map_or(start.clone(), |p| self::target(&FinderPage::At(p))),
            FinderPage::NotSure(age) => self::target(&FinderPage::At(Path::start(*age))),
        };
        let said = match page {
            FinderPage::At(path) => self.answers_so_far(path, &links),
            FinderPage::Start | FinderPage::NotSure(_) => Vec::new(),
        };
        let (question, answer) = match body {
            Body::Question(question) => (Some(question), None),
            Body::Answer(answer) => (None, Some(answer)),
        };
        let content = FinderView {
            finder: Finder {
                heading,
                back_href: links.to(&back),
                start_href: links.to(&start),
                script: (*page == FinderPage::Start).then(|| self.asset(&links, "finder.js")),
                steps_href: (*page == FinderPage::Start).then(|| links.to(&Target::FinderSteps)),
                said,
                question,
                answer,
            },
        };
        let mut crumbs = vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)];
        if *page != FinderPage::Start {
            crumbs.push(self.crumb(&links, self.word("finder_title"), start));
        }
        let meta = Meta {
            crumbs,
            safety: true,
            ..Meta::new(target, "finder.html", self.word("finder_page_title"))
        };
        self.framed(meta, content)
    }

    /// The steps file. It is in the first page's folder, so its links work
    /// there too, where what it holds is shown.
    pub(super) fn finder_steps(&self) -> PageJob {
        let links = self.links(&Target::FinderSteps);
        let questions = Fact::ALL
            .into_iter()
            .map(|fact| {
                let [ask, help, yes, no] = fact.words();
                StepQuestion {
                    id: fact.id(),
                    heading: self.word(ask),
                    help: self.word(help),
                    said_yes: self.word(yes),
                    said_no: self.word(no),
                }
            })
            .collect();
        // Each end once for each age, as its page shows it.
        let mut ends: BTreeMap<String, StepEnd> = BTreeMap::new();
        let mut tree = serde_json::Map::new();
        for age in leaving_care::YOUNGEST..=leaving_care::OLDEST {
            tree.insert(age.to_string(), self.step_tree(&Path::start(age), &links, &mut ends));
        }
        for age in leaving_care::OFFER_AGES {
            let id = format!("{age}-not-sure");
            let end = StepEnd {
                id: id.clone(),
                heading: self.word("result_not_sure_title").to_string(),
                answer: self.not_sure(age, &links),
                contact: self.contact_key(age),
            };
            ends.insert(id, end);
        }
        let ends: Vec<StepEnd> = ends.into_values().collect();
        let cards: BTreeMap<&str, EntryCard> = ends
            .iter()
            .flat_map(|end| end.answer.legal.iter().chain(&end.answer.extra))
            .map(|card| (card.key, card.clone()))
            .collect();
        let mut bands: Vec<&str> = ends.iter().map(|end| end.contact).collect();
        bands.sort_unstable();
        bands.dedup();
        let contacts = bands
            .into_iter()
            .filter_map(|key| {
                let band = self.site.config.band(key)?;
                Some(StepContact {
                    key,
                    card: self.band_contact(band)?,
                })
            })
            .collect();
        let content = StepsView {
            steps: Steps {
                start_href: links.to(&Target::Finder(String::new())),
                tree: Value::Object(tree).to_string(),
                questions,
                ends,
                cards: cards.into_values().collect(),
                contacts,
                complain_href: self.complaints_page(&links),
            },
        };
        let crumbs = vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)];
        let meta = Meta {
            crumbs,
            ..Meta::new(Target::FinderSteps, "finder_steps.html", self.word("finder_page_title"))
        };
        self.framed(meta, content)
    }

    /// The questions from `path` on, as the steps file holds them: a
    /// question is `[fact, after yes, after no]`, an end its name.
    fn step_tree<'s>(&'s self, path: &Path, links: &Links, ends: &mut BTreeMap<String, StepEnd<'s>>) -> Value {
        match path.step() {
            Step::Ask(fact) => json!([
                fact.id(),
                self.step_tree(&path.then(fact, true), links, ends),
                self.step_tree(&path.then(fact, false), links, ends),
            ]),
            Step::Done(outcome) => {
                let id = format!("{}-{}", path.age, outcome.id());
                if !ends.contains_key(&id) {
                    let (heading, body) = self.result(path.age, outcome, links);
                    if let Body::Answer(answer) = body {
                        let end = StepEnd {
                            id: id.clone(),
                            heading,
                            answer,
                            contact: self.contact_key(path.age),
                        };
                        ends.insert(id.clone(), end);
                    }
                }
                Value::String(id)
            }
        }
    }

    /// The first question: an age from 15 or younger to 26 or older.
    fn ages_question(&self, links: &Links) -> Body<'_> {
        let choices = (leaving_care::YOUNGEST..=leaving_care::OLDEST)
            .map(|age| {
                let label: Cow<str> = match age {
                    leaving_care::YOUNGEST => self.word("finder_age_under").into(),
                    leaving_care::OLDEST => self.word("finder_age_over").into(),
                    age => age.to_string().into(),
                };
                let path = Path::start(age);
                Choice {
                    wide: label.chars().count() > 2,
                    label,
                    href: links.to(&target(&FinderPage::At(path))),
                    said: self.said_age(age),
                    age: Some(age),
                }
            })
            .collect();
        Body::Question(Question {
            ask: Some(self.word("ask_age")),
            help: self.word("ask_age_help"),
            choices,
            ages: true,
            not_sure_href: None,
        })
    }

    fn question(&self, path: &Path, fact: Fact, links: &Links) -> Body<'_> {
        let choice = |word: &'static str, answer: bool| Choice {
            label: self.word(word).into(),
            href: links.to(&target(&FinderPage::At(path.then(fact, answer)))),
            wide: false,
            said: self.word(fact.words()[if answer { 2 } else { 3 }]).into(),
            age: None,
        };
        Body::Question(Question {
            ask: None,
            help: self.word(fact.words()[1]),
            choices: vec![choice("finder_yes", true), choice("finder_no", false)],
            ages: false,
            not_sure_href: Some(links.to(&target(&FinderPage::NotSure(path.age)))),
        })
    }

    /// What each answer so far says, with a link back to change it.
    fn answers_so_far(&self, path: &Path, links: &Links) -> Vec<Said<'_>> {
        let mut said = vec![Said {
            text: self.said_age(path.age),
            href: links.to(&target(&FinderPage::Start)),
        }];
        for (i, (fact, yes)) in path.answers.iter().enumerate() {
            let asked = Path {
                age: path.age,
                answers: path.answers[..i].to_vec(),
            };
            let word = fact.words()[if *yes { 2 } else { 3 }];
            said.push(Said {
                text: self.word(word).into(),
                href: links.to(&target(&FinderPage::At(asked))),
            });
        }
        said
    }

    /// "You are 17", as "Your answers" says it.
    fn said_age(&self, age: u8) -> Cow<'_, str> {
        match age {
            leaving_care::YOUNGEST => self.word("said_age_under").into(),
            leaving_care::OLDEST => self.word("said_age_over").into(),
            age => self.word("said_age").replace("{age}", &age.to_string()).into(),
        }
    }

    /// Where the answers end: the group, what it means, and what the reader
    /// can get at their age in it.
    fn result(&self, age: u8, outcome: Outcome, links: &Links) -> (String, Body<'_>) {
        let group = match outcome {
            Outcome::Group(group) => Some(group),
            _ => None,
        };
        let (title, means) = outcome_words(outcome);
        let name = group.map_or("", |g| self.word(g.words()[0]));
        let title = self.word(title).replace("{group}", name);
        // A long offer shows its first cards here, and all of them on the age's pages.
        let (legal, extra, count) = match group {
            Some(group) => self.entries_for(age, group, pager::CARDS, links),
            None => (Vec::new(), Vec::new(), 0),
        };
        let bands = match outcome {
            Outcome::TooYoung | Outcome::InCare => self.bands_for(age, links),
            _ => Vec::new(),
        };
        let body = Answer {
            outcome: outcome.id(),
            means: means.into_iter().map(|m| self.word(m)).collect(),
            group: group.is_some(),
            age,
            more: (count > legal.len() + extra.len()).then_some(count),
            legal,
            extra,
            bands,
            age_href: leaving_care::OFFER_AGES
                .contains(&age)
                .then(|| links.to(&Target::OfferAge(age))),
            contact: self.contact_for(age),
            complain_href: self.complaints_page(links),
        };
        (title, Body::Answer(Box::new(body)))
    }

    fn not_sure(&self, age: u8, links: &Links) -> Box<Answer<'_>> {
        Box::new(Answer {
            outcome: "not-sure",
            means: vec![self.word("result_not_sure_means")],
            group: false,
            age,
            more: None,
            legal: Vec::new(),
            extra: Vec::new(),
            bands: Vec::new(),
            age_href: Some(links.to(&Target::OfferAge(age))),
            contact: self.contact_for(age),
            complain_href: self.complaints_page(links),
        })
    }

    /// Which contact the steps file shows an end at `age`: its band's id.
    fn contact_key(&self, age: u8) -> &str {
        self.band_to_ask(age).map_or("", |b| b.id.as_str())
    }

    /// The bands whose promises a young person of `age` reads.
    fn bands_for(&self, age: u8, links: &Links) -> Vec<BandButton<'_>> {
        self.site
            .config
            .bands
            .iter()
            .filter(|b| {
                if age <= leaving_care::YOUNGEST {
                    b.ages().from <= age
                } else {
                    b.ages().contains(age)
                }
            })
            .map(|b| BandButton {
                label: &b.label,
                href: links.to(&Target::Band(b.id.clone())),
                foreign: self.site_words(b.label_fallback),
            })
            .collect()
    }

    /// A link to the site's page on how to complain.
    fn complaints_page(&self, links: &Links) -> Option<String> {
        let page = self.site.complaints_page()?;
        Some(links.to(&Target::Page(page.slug.clone())))
    }
}
