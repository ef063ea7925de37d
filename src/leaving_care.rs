//! Which group of care leaver the law in England puts a young person in,
//! and the questions that tell. The rules are written here once, as a
//! table: the finder's pages, the leaflet's chart and the tests all read it.
//!
//! The groups are those of the Children Act 1989 and the Children (Leaving
//! Care) Act 2000, as councils' own pages state them: eligible, relevant,
//! former relevant and qualifying.

/// A group of care leaver, as a local offer entry's `for` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Eligible,
    Relevant,
    FormerRelevant,
    Qualifying,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Eligible,
        Group::Relevant,
        Group::FormerRelevant,
        Group::Qualifying,
    ];

    /// How content and addresses write it: `former-relevant`.
    pub fn id(self) -> &'static str {
        match self {
            Group::Eligible => "eligible",
            Group::Relevant => "relevant",
            Group::FormerRelevant => "former-relevant",
            Group::Qualifying => "qualifying",
        }
    }

    pub fn parse(text: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.id() == text)
    }

    pub fn ids() -> Vec<&'static str> {
        Group::ALL.iter().map(|g| g.id()).collect()
    }

    /// The theme's strings for it: its name, what the name means, and
    /// what being in it gives.
    pub fn words(self) -> [&'static str; 3] {
        match self {
            Group::Eligible => ["group_eligible", "group_eligible_means", "group_eligible_get"],
            Group::Relevant => ["group_relevant", "group_relevant_means", "group_relevant_get"],
            Group::FormerRelevant => [
                "group_former_relevant",
                "group_former_relevant_means",
                "group_former_relevant_get",
            ],
            Group::Qualifying => ["group_qualifying", "group_qualifying_means", "group_qualifying_get"],
        }
    }

    /// The ways into the group, for a chart: each rule's answers, leaving
    /// out a rule that only adds answers to another's (such as "in care
    /// now: no" at 16, which is what leaving care means). The group's
    /// meaning says at which ages.
    pub fn ways(self) -> Vec<&'static [(Fact, bool)]> {
        let rules: Vec<&Rule> = RULES.iter().filter(|r| r.outcome == Outcome::Group(self)).collect();
        let within = |small: &[(Fact, bool)], big: &[(Fact, bool)]| small.iter().all(|c| big.contains(c));
        let mut ways: Vec<&'static [(Fact, bool)]> = Vec::new();
        for rule in &rules {
            let widened = rules
                .iter()
                .any(|other| other.when.len() < rule.when.len() && within(other.when, rule.when));
            if !widened && !ways.iter().any(|w| within(w, rule.when) && within(rule.when, w)) {
                ways.push(rule.when);
            }
        }
        ways
    }

    /// The ages of the group: youngest and oldest without being in
    /// education or training, and the oldest with it when that is older.
    pub fn ages(self) -> (u8, u8, Option<u8>) {
        let rules = || RULES.iter().filter(move |r| r.outcome == Outcome::Group(self));
        let needs_education = |r: &&Rule| r.when.contains(&(Fact::Education, true));
        let from = rules().map(|r| r.ages.0).min().unwrap_or(0);
        let to = rules()
            .filter(|r| !needs_education(r))
            .map(|r| r.ages.1)
            .max()
            .unwrap_or(from);
        let oldest = rules()
            .filter(needs_education)
            .map(|r| r.ages.1)
            .max()
            .filter(|o| *o > to);
        (from, to, oldest)
    }

    /// Whether a young person of `age` can be in the group, by the rules.
    pub fn at(self, age: u8) -> bool {
        RULES
            .iter()
            .any(|r| r.outcome == Outcome::Group(self) && (r.ages.0..=r.ages.1).contains(&age))
    }
}

/// Something the finder asks about, in the order it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fact {
    /// Looked after by the council now.
    InCareNow,
    /// In care for 13 weeks or more in total since turning 14.
    ThirteenWeeks,
    /// In care at some time after turning 16.
    After16,
    /// Went back to live with family for 6 months or more before 18.
    WentHome,
    /// Looked after just before a special guardianship order, or privately
    /// fostered, after turning 16.
    OtherRoute,
    /// In education or training now.
    Education,
}

impl Fact {
    /// The theme's strings for it: the question, what it means, and what a
    /// yes and a no say.
    pub fn words(self) -> [&'static str; 4] {
        match self {
            Fact::InCareNow => ["ask_in_care", "ask_in_care_help", "said_in_care_yes", "said_in_care_no"],
            Fact::ThirteenWeeks => [
                "ask_13_weeks",
                "ask_13_weeks_help",
                "said_13_weeks_yes",
                "said_13_weeks_no",
            ],
            Fact::After16 => [
                "ask_after_16",
                "ask_after_16_help",
                "said_after_16_yes",
                "said_after_16_no",
            ],
            Fact::WentHome => [
                "ask_went_home",
                "ask_went_home_help",
                "said_went_home_yes",
                "said_went_home_no",
            ],
            Fact::OtherRoute => [
                "ask_other_route",
                "ask_other_route_help",
                "said_other_route_yes",
                "said_other_route_no",
            ],
            Fact::Education => [
                "ask_education",
                "ask_education_help",
                "said_education_yes",
                "said_education_no",
            ],
        }
    }

    pub const ALL: [Fact; 6] = [
        Fact::InCareNow,
        Fact::ThirteenWeeks,
        Fact::After16,
        Fact::WentHome,
        Fact::OtherRoute,
        Fact::Education,
    ];

    /// How the finder's addresses and the theme's strings name it.
    pub fn id(self) -> &'static str {
        match self {
            Fact::InCareNow => "in-care",
            Fact::ThirteenWeeks => "13-weeks",
            Fact::After16 => "after-16",
            Fact::WentHome => "went-home",
            Fact::OtherRoute => "other-route",
            Fact::Education => "education",
        }
    }
}

/// Where the finder ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Group(Group),
    /// 16 or 17 and in care, but not 13 weeks since 14 yet.
    InCare,
    /// Was qualifying, but that support ends at 21 unless in education or
    /// training.
    QualifyingEnded,
    /// None of the routes into leaving-care support.
    NotACareLeaver,
    /// 15 or younger: the local offer starts at 16.
    TooYoung,
    /// 26 or older: the local offer ends at 25.
    TooOld,
}

impl Outcome {
    /// How the theme's strings name it.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Group(g) => g.id(),
            Outcome::InCare => "in-care",
            Outcome::QualifyingEnded => "qualifying-ended",
            Outcome::NotACareLeaver => "not-a-care-leaver",
            Outcome::TooYoung => "too-young",
            Outcome::TooOld => "too-old",
        }
    }
}

/// One line of the law's table: at these ages, with these answers, a young
/// person is in this group.
#[derive(Debug)]
pub struct Rule {
    pub outcome: Outcome,
    pub ages: (u8, u8),
    pub when: &'static [(Fact, bool)],
}

/// The ages the finder offers: 15 stands for "15 or younger" and 26 for
/// "26 or older".
pub const YOUNGEST: u8 = 15;
pub const OLDEST: u8 = 26;
/// The ages the local offer is for.
pub const OFFER_AGES: std::ops::RangeInclusive<u8> = 16..=25;

use Fact::*;
use Group::*;

/// A line of the table.
const fn rule(outcome: Outcome, ages: (u8, u8), when: &'static [(Fact, bool)]) -> Rule {
    Rule { outcome, ages, when }
}

const NO: bool = false;
const YES: bool = true;

/// Exactly one rule holds for any age and any answers (a test makes sure).
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    rule(Outcome::TooYoung, (0, 15), &[]),
    rule(Outcome::TooOld, (26, u8::MAX), &[]),
    // 16 and 17, in care now.
    rule(Outcome::Group(Eligible), (16, 17), &[(InCareNow, YES), (ThirteenWeeks, YES)]),
    rule(Outcome::InCare,          (16, 17), &[(InCareNow, YES), (ThirteenWeeks, NO)]),
    // 16 and 17, left care. Going home for six months ends being relevant.
    rule(Outcome::Group(Relevant),   (16, 17), &[(InCareNow, NO), (ThirteenWeeks, YES), (After16, YES), (WentHome, NO)]),
    rule(Outcome::Group(Qualifying), (16, 17), &[(InCareNow, NO), (ThirteenWeeks, YES), (After16, YES), (WentHome, YES)]),
    rule(Outcome::Group(Qualifying), (16, 17), &[(InCareNow, NO), (ThirteenWeeks, NO), (After16, YES)]),
    rule(Outcome::Group(Qualifying), (16, 17), &[(InCareNow, NO), (After16, NO), (OtherRoute, YES)]),
    rule(Outcome::NotACareLeaver,    (16, 17), &[(InCareNow, NO), (After16, NO), (OtherRoute, NO)]),
    // 18 to 25: everyone has left care.
    rule(Outcome::Group(FormerRelevant), (18, 25), &[(ThirteenWeeks, YES), (After16, YES), (WentHome, NO)]),
    rule(Outcome::NotACareLeaver,        (18, 25), &[(After16, NO), (OtherRoute, NO)]),
    // Qualifying to 21, and to 25 in education or training.
    rule(Outcome::Group(Qualifying), (18, 21), &[(ThirteenWeeks, YES), (After16, YES), (WentHome, YES)]),
    rule(Outcome::Group(Qualifying), (18, 21), &[(ThirteenWeeks, NO), (After16, YES)]),
    rule(Outcome::Group(Qualifying), (18, 21), &[(After16, NO), (OtherRoute, YES)]),
    rule(Outcome::Group(Qualifying), (22, 25), &[(ThirteenWeeks, YES), (After16, YES), (WentHome, YES), (Education, YES)]),
    rule(Outcome::Group(Qualifying), (22, 25), &[(ThirteenWeeks, NO), (After16, YES), (Education, YES)]),
    rule(Outcome::Group(Qualifying), (22, 25), &[(After16, NO), (OtherRoute, YES), (Education, YES)]),
    rule(Outcome::QualifyingEnded,   (22, 25), &[(ThirteenWeeks, YES), (After16, YES), (WentHome, YES), (Education, NO)]),
    rule(Outcome::QualifyingEnded,   (22, 25), &[(ThirteenWeeks, NO), (After16, YES), (Education, NO)]),
    rule(Outcome::QualifyingEnded,   (22, 25), &[(After16, NO), (OtherRoute, YES), (Education, NO)]),
];

/// What the finder does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Ask(Fact),
    Done(Outcome),
}

/// The next question for a young person of `age` who has given `answers`,
/// or where they end: only questions whose answer can change the outcome
/// are asked.
pub fn next(age: u8, answers: &[(Fact, bool)]) -> Step {
    let answer = |fact: Fact| answers.iter().find(|(f, _)| *f == fact).map(|(_, a)| *a);
    let possible: Vec<&Rule> = RULES
        .iter()
        .filter(|r| (r.ages.0..=r.ages.1).contains(&age))
        .filter(|r| r.when.iter().all(|(f, want)| answer(*f).is_none_or(|a| a == *want)))
        .collect();
    if let Some(done) = possible
        .iter()
        .find(|r| r.when.iter().all(|(f, _)| answer(*f).is_some()))
    {
        return Step::Done(done.outcome);
    }
    Fact::ALL
        .into_iter()
        .find(|f| answer(*f).is_none() && possible.iter().any(|r| r.when.iter().any(|(g, _)| g == f)))
        .map_or(Step::Done(Outcome::NotACareLeaver), Step::Ask)
}

/// One page of the finder: an age and the answers given so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub age: u8,
    pub answers: Vec<(Fact, bool)>,
}

impl Path {
    /// The first page after the question of age.
    pub fn start(age: u8) -> Path {
        Path {
            age,
            answers: Vec::new(),
        }
    }

    pub fn step(&self) -> Step {
        next(self.age, &self.answers)
    }

    pub fn then(&self, fact: Fact, answer: bool) -> Path {
        let mut answers = self.answers.clone();
        answers.push((fact, answer));
        Path { age: self.age, answers }
    }

    /// The page before this one: one answer fewer, or the question of age.
    pub fn back(&self) -> Option<Path> {
        let mut answers = self.answers.clone();
        answers.pop()?;
        Some(Path { age: self.age, answers })
    }
}

/// Every page the finder can reach after the question of age, each once,
/// in the order a reader meets them.
pub fn paths() -> Vec<Path> {
    let mut found = Vec::new();
    for age in YOUNGEST..=OLDEST {
        walk(
            Path {
                age,
                answers: Vec::new(),
            },
            &mut found,
        );
    }
    found
}

fn walk(path: Path, found: &mut Vec<Path>) {
    let step = path.step();
    found.push(path.clone());
    if let Step::Ask(fact) = step {
        walk(path.then(fact, true), found);
        walk(path.then(fact, false), found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path of the finder, written out from the law as councils state
    /// it, independently of the rules: an age, the answers in the order they
    /// are asked, and where they end.
    type Answers = &'static [(Fact, bool)];

    #[rustfmt::skip]
    const PATHS: &[(u8, Answers, Outcome)] = &[
        (15, &[], Outcome::TooYoung),
        (26, &[], Outcome::TooOld),
        // 17 and in care for two years: eligible.
        (17, &[(InCareNow, true), (ThirteenWeeks, true)], Outcome::Group(Eligible)),
        (17, &[(InCareNow, true), (ThirteenWeeks, false)], Outcome::InCare),
        (17, &[(InCareNow, false), (ThirteenWeeks, true), (After16, true), (WentHome, false)], Outcome::Group(Relevant)),
        (17, &[(InCareNow, false), (ThirteenWeeks, true), (After16, true), (WentHome, true)], Outcome::Group(Qualifying)),
        (17, &[(InCareNow, false), (ThirteenWeeks, true), (After16, false), (OtherRoute, true)], Outcome::Group(Qualifying)),
        (17, &[(InCareNow, false), (ThirteenWeeks, true), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
        (17, &[(InCareNow, false), (ThirteenWeeks, false), (After16, true)], Outcome::Group(Qualifying)),
        (17, &[(InCareNow, false), (ThirteenWeeks, false), (After16, false), (OtherRoute, true)], Outcome::Group(Qualifying)),
        (17, &[(InCareNow, false), (ThirteenWeeks, false), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
        // 18 to 21: nobody is in care, so it is not asked.
        (19, &[(ThirteenWeeks, true), (After16, true), (WentHome, false)], Outcome::Group(FormerRelevant)),
        (19, &[(ThirteenWeeks, true), (After16, true), (WentHome, true)], Outcome::Group(Qualifying)),
        (19, &[(ThirteenWeeks, true), (After16, false), (OtherRoute, true)], Outcome::Group(Qualifying)),
        (19, &[(ThirteenWeeks, true), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
        (19, &[(ThirteenWeeks, false), (After16, true)], Outcome::Group(Qualifying)),
        (19, &[(ThirteenWeeks, false), (After16, false), (OtherRoute, true)], Outcome::Group(Qualifying)),
        (19, &[(ThirteenWeeks, false), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
        // 22 and left care at 17 after two years: former relevant.
        (22, &[(ThirteenWeeks, true), (After16, true), (WentHome, false)], Outcome::Group(FormerRelevant)),
        (22, &[(ThirteenWeeks, true), (After16, true), (WentHome, true), (Education, true)], Outcome::Group(Qualifying)),
        (22, &[(ThirteenWeeks, true), (After16, true), (WentHome, true), (Education, false)], Outcome::QualifyingEnded),
        (22, &[(ThirteenWeeks, true), (After16, false), (OtherRoute, true), (Education, true)], Outcome::Group(Qualifying)),
        (22, &[(ThirteenWeeks, true), (After16, false), (OtherRoute, true), (Education, false)], Outcome::QualifyingEnded),
        (22, &[(ThirteenWeeks, true), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
        (22, &[(ThirteenWeeks, false), (After16, true), (Education, true)], Outcome::Group(Qualifying)),
        (22, &[(ThirteenWeeks, false), (After16, true), (Education, false)], Outcome::QualifyingEnded),
        (22, &[(ThirteenWeeks, false), (After16, false), (OtherRoute, true), (Education, true)], Outcome::Group(Qualifying)),
        (22, &[(ThirteenWeeks, false), (After16, false), (OtherRoute, true), (Education, false)], Outcome::QualifyingEnded),
        (22, &[(ThirteenWeeks, false), (After16, false), (OtherRoute, false)], Outcome::NotACareLeaver),
    ];

    /// The ages whose questions are the same as the one the table shows.
    fn like(age: u8) -> u8 {
        match age {
            0..=15 => 15,
            16 | 17 => 17,
            18..=21 => 19,
            22..=25 => 22,
            _ => 26,
        }
    }

    #[test]
    fn every_path_ends_where_the_law_says() {
        let ends: Vec<Path> = paths()
            .into_iter()
            .filter(|p| matches!(p.step(), Step::Done(_)))
            .collect();
        for path in &ends {
            let Step::Done(outcome) = path.step() else { continue };
            let row = PATHS
                .iter()
                .find(|(age, answers, _)| *age == like(path.age) && *answers == path.answers.as_slice());
            assert_eq!(
                row.map(|r| r.2),
                Some(outcome),
                "age {} with {:?}",
                path.age,
                path.answers
            );
        }
        // And every row of the table is a path the finder takes.
        for (age, answers, _) in PATHS {
            assert!(
                ends.iter().any(|p| p.age == *age && p.answers == *answers),
                "the finder never reaches age {age} with {answers:?}"
            );
        }
    }

    #[test]
    fn exactly_one_rule_holds_for_any_age_and_answers() {
        for age in 0..=40u8 {
            for bits in 0..(1u32 << Fact::ALL.len()) {
                let answer = |f: Fact| bits & (1 << Fact::ALL.iter().position(|g| *g == f).unwrap_or(0)) != 0;
                let holding: Vec<&Rule> = RULES
                    .iter()
                    .filter(|r| (r.ages.0..=r.ages.1).contains(&age) && r.when.iter().all(|(f, a)| answer(*f) == *a))
                    .collect();
                assert_eq!(holding.len(), 1, "age {age}, answers {bits:06b}: {holding:?}");
            }
        }
    }

    /// Where a reader at `path` can still end.
    fn ends(path: &Path) -> std::collections::BTreeSet<Outcome> {
        match path.step() {
            Step::Done(outcome) => [outcome].into(),
            Step::Ask(fact) => {
                let mut all = ends(&path.then(fact, true));
                all.extend(ends(&path.then(fact, false)));
                all
            }
        }
    }

    #[test]
    fn a_question_is_never_asked_twice_or_when_it_cannot_matter() {
        for path in paths() {
            if let Step::Ask(fact) = path.step() {
                assert!(!path.answers.iter().any(|(f, _)| *f == fact), "{path:?}");
                assert!(ends(&path).len() > 1, "asking {fact:?} changes nothing at {path:?}");
            }
        }
    }

    #[test]
    fn the_chart_shows_each_way_into_a_group_once() {
        assert_eq!(Eligible.ways(), vec![&[(InCareNow, true), (ThirteenWeeks, true)][..]]);
        assert_eq!(Relevant.ways().len(), 1);
        assert_eq!(
            FormerRelevant.ways(),
            vec![&[(ThirteenWeeks, true), (After16, true), (WentHome, false)][..]]
        );
        // At 16 and 17 "not in care now", and from 22 "in education", only
        // narrow the three ways that hold from 18 to 21.
        assert_eq!(
            Qualifying.ways(),
            vec![
                &[(ThirteenWeeks, true), (After16, true), (WentHome, true)][..],
                &[(ThirteenWeeks, false), (After16, true)][..],
                &[(After16, false), (OtherRoute, true)][..],
            ]
        );
    }

    #[test]
    fn each_group_has_the_ages_the_law_gives_it() {
        assert_eq!(Eligible.ages(), (16, 17, None));
        assert_eq!(Relevant.ages(), (16, 17, None));
        assert_eq!(FormerRelevant.ages(), (18, 25, None));
        assert_eq!(Qualifying.ages(), (16, 21, Some(25)));
    }

    #[test]
    fn no_question_is_asked_of_those_outside_the_offer_ages() {
        assert_eq!(next(15, &[]), Step::Done(Outcome::TooYoung));
        assert_eq!(next(26, &[]), Step::Done(Outcome::TooOld));
        assert_eq!(next(16, &[]), Step::Ask(InCareNow));
        assert_eq!(next(18, &[]), Step::Ask(ThirteenWeeks));
    }
}
