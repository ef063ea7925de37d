//! Writes a large synthetic site twice, in `promise`'s content format and as
//! a Hugo site with equivalent templates, so both tools can be timed on the
//! same content:
//!
//!     cargo run --release --example generate -- bands 1000 target/bench-sites/bands-1000
//!
//! A site can grow in more than one way, and each way loads a different part
//! of a build, so there are five shapes of N content files:
//!
//! - `bands`: a tenth promise pages in bands of 20 themes, the rest local
//!   offer entries and messages, half each: a site that grows by bands;
//! - `themes`: three bands (0-11, 12-15, 16-25) sharing N long themes;
//! - `offer`: a local offer of N long entries over many age ranges;
//! - `messages`: N long "you said, we did" messages;
//! - `languages`: the `bands` site's content in ten languages, N files in all.
//!
//! "Long" is about 350 words, with lists, links, emphasis and headings. The
//! words are short and plain, as a council's content is once its officers
//! have fixed what `promise check` found.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const THEMES_PER_BAND: usize = 20;
const AREAS: [&str; 6] = [
    "health-and-wellbeing",
    "relationships",
    "education-and-training",
    "employment",
    "accommodation",
    "participation-in-society",
];
const OFFER_AGES: [&str; 5] = ["16-25", "16-18", "18-21", "18-25", "21-25"];
const LOOKS: [&str; 3] = ["young", "teen", "adult"];
/// The languages of the `languages` shape besides English.
const LANGUAGES: [(&str, &str); 9] = [
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("ur", "اردو"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
];

const VERBS: [&str; 12] = [
    "help you",
    "listen to you",
    "call you back",
    "meet you",
    "ask you",
    "tell you",
    "keep you safe",
    "stand by you",
    "visit you",
    "plan with you",
    "write to you",
    "find time for you",
];
const WHEN: [&str; 10] = [
    "every week",
    "when you ask",
    "at school",
    "at home",
    "on your birthday",
    "before a big change",
    "if you feel sad",
    "when things go wrong",
    "each month",
    "on the phone",
];
const THINGS: [&str; 12] = [
    "your room",
    "your bike",
    "your friends",
    "your pet",
    "your school",
    "your money",
    "your plans",
    "your photos",
    "your clubs",
    "your team",
    "your books",
    "your garden",
];

/// A small, fixed sequence of numbers, so the same N gives the same site.
struct Dice(u64);

impl Dice {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        from[((self.0 >> 33) as usize) % from.len()]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Bands,
    Themes,
    Offer,
    Messages,
    Languages,
    Adults,
}

/// How many of each kind of content file a shape has at N files.
struct Counts {
    /// Each band's age range and how many themes it has.
    bands: Vec<(&'static str, usize)>,
    offer: usize,
    messages: usize,
    /// Bodies of about 350 words instead of about 100.
    long: bool,
    /// Languages besides English, each with every file translated.
    languages: usize,
    /// Promises written in a council's prose, not a child's.
    adult: bool,
}

impl Counts {
    fn of(shape: Shape, n: usize) -> Counts {
        const FEW: usize = 20;
        let spread = |themes: usize, bands: usize| -> Vec<(&'static str, usize)> {
            (0..bands)
                .map(|b| {
                    (
                        ["0-11", "12-15", "16-25"][b % 3],
                        themes / bands + usize::from(b < themes % bands),
                    )
                })
                .collect()
        };
        let grown = |n: usize| {
            let themes = (n / 10).max(THEMES_PER_BAND);
            let offer = n.saturating_sub(themes) / 2;
            Counts {
                bands: spread(themes, themes.div_ceil(THEMES_PER_BAND)),
                offer,
                messages: n.saturating_sub(themes + offer),
                long: false,
                languages: 0,
                adult: false,
            }
        };
        match shape {
            Shape::Bands => grown(n),
            Shape::Themes => Counts {
                bands: spread(n.saturating_sub(2 * FEW).max(3), 3),
                offer: FEW,
                messages: FEW,
                long: true,
                languages: 0,
                adult: false,
            },
            Shape::Offer => Counts {
                bands: spread(15, 3),
                offer: n.saturating_sub(15 + FEW),
                messages: FEW,
                long: true,
                languages: 0,
                adult: false,
            },
            Shape::Messages => Counts {
                bands: spread(15, 3),
                offer: FEW,
                messages: n.saturating_sub(15 + FEW),
                long: true,
                languages: 0,
                adult: false,
            },
            Shape::Languages => Counts {
                languages: LANGUAGES.len(),
                ..grown(n / (LANGUAGES.len() + 1))
            },
            // Every promise page in the youngest band, written as a council
            // writes for adults: every page has findings.
            Shape::Adults => Counts {
                bands: spread(n.saturating_sub(2 * FEW).max(1), 1),
                offer: FEW,
                messages: FEW,
                long: true,
                languages: 0,
                adult: true,
            },
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shape = match args.get(1).map(String::as_str) {
        Some("bands") => Shape::Bands,
        Some("themes") => Shape::Themes,
        Some("offer") => Shape::Offer,
        Some("messages") => Shape::Messages,
        Some("languages") => Shape::Languages,
        Some("adults") => Shape::Adults,
        _ => usage(),
    };
    let (Some(n), Some(out)) = (args.get(2).and_then(|n| n.parse::<usize>().ok()), args.get(3)) else {
        usage()
    };
    let counts = Counts::of(shape, n);
    let out = PathBuf::from(out);
    let site = Writer {
        promise: out.join("promise"),
        hugo: out.join("hugo"),
        languages: &LANGUAGES[..counts.languages],
    };
    // Only the content is written afresh; what earlier builds wrote beside it
    // stays, so timing a build starts from a rebuild, as it would for a council.
    for folder in [&site.promise, &site.hugo] {
        let _ = fs::remove_dir_all(folder);
    }
    let mut dice = Dice(n as u64);
    write(
        &site.promise.join("site.toml"),
        &site_toml(&counts.bands, site.languages),
    );
    write(&site.hugo.join("hugo.toml"), &hugo_config(site.languages));
    write_hugo_layouts(&site.hugo, counts.bands.len());
    for (b, &(_, themes)) in counts.bands.iter().enumerate() {
        let band = band_id(b);
        site.hugo_only(
            &format!("content/{band}/_index.md"),
            &format!("---\ntitle: {}\n---\n", band_label(b)),
        );
        for t in 0..themes {
            let body = if counts.adult {
                adult_body(&mut dice)
            } else {
                promise_body(&mut dice, counts.long)
            };
            site.both(
                &format!("promises/{band}/theme-{t}"),
                &format!("---\ntitle: Theme {t} for you\norder: {t}\nsummary: What we will do about theme {t}.\nicon: star\n---\n{body}"),
                &format!("content/{band}/theme-{t}"),
                &format!("---\ntitle: Theme {t} for you\nweight: {}\nsummary: What we will do about theme {t}.\n---\n{body}", t + 1),
            );
        }
    }
    site.hugo_only("content/local-offer/_index.md", "---\ntitle: Your local offer\n---\n");
    for e in 0..counts.offer {
        let area = AREAS[e % AREAS.len()];
        let ages = OFFER_AGES[(e / AREAS.len()) % OFFER_AGES.len()];
        let body = offer_body(&mut dice, e, counts.offer, counts.long);
        let summary = format!("Help with {} for you.", dice.pick(&THINGS));
        site.both(
            &format!("local-offer/entry-{e}"),
            &format!(
                "---\ntitle: Help number {e}\narea: {area}\nages: {ages}\nkind: extra\nsummary: {summary}\nhow_to_get_it: Call us and ask.\ncontact: team\nreviewed: 2026-09-01\n---\n{body}"
            ),
            &format!("content/local-offer/entry-{e}"),
            &format!("---\ntitle: Help number {e}\nsummary: {summary}\nparams:\n  area: {area}\n  ages: {ages}\n---\n{body}"),
        );
    }
    // Messages are listed, not pages of their own, in both tools.
    site.hugo_only(
        "content/messages/_index.md",
        "---\ntitle: You said, we did\ncascade:\n- _target:\n    kind: page\n  _build:\n    render: never\n    list: always\n---\n",
    );
    for m in 0..counts.messages {
        let said = format!("2025-{:02}-{:02}", m % 12 + 1, m % 28 + 1);
        let did = format!("We now {} {}.", dice.pick(&VERBS), dice.pick(&WHEN));
        let body = message_body(&mut dice, counts.long);
        site.both(
            &format!("messages/message-{m}"),
            &format!(
                "---\ntitle: Please think about {}\nsaid: {said}\nwe_did:\n  - {did}\nnext:\n  - We will ask you again soon.\n---\n{body}",
                dice.pick(&THINGS)
            ),
            &format!("content/messages/message-{m}"),
            &format!("---\ntitle: Message {m}\ndate: {said}\n---\n- {did}\n- We will ask you again soon.\n\n{body}"),
        );
    }
    for (slug, title, extra) in [
        ("about", "About these promises", ""),
        ("contacts", "Who to contact", "contacts:\n  - team\n"),
        ("how-to-complain", "How to complain", ""),
        ("privacy", "Privacy", ""),
    ] {
        let body = "We keep this page short. [Read the local offer](/local-offer/) to see what you can get.\n";
        site.both(
            &format!("pages/{slug}"),
            &format!("---\ntitle: {title}\n{extra}---\n{body}"),
            &format!("content/{slug}"),
            &format!("---\ntitle: {title}\n---\n{body}"),
        );
    }
    let themes: usize = counts.bands.iter().map(|b| b.1).sum();
    println!(
        "Wrote {themes} promise pages in {} bands, {} local offer entries and {} messages, in {} language(s), to {}",
        counts.bands.len(),
        counts.offer,
        counts.messages,
        counts.languages + 1,
        out.display()
    );
}

fn usage() -> ! {
    eprintln!("usage: generate bands|themes|offer|messages|languages|adults N OUT_DIR");
    std::process::exit(2);
}

/// Writes each content file in both tools' formats, and again in every
/// other language, as a translation beside the original.
struct Writer<'a> {
    promise: PathBuf,
    hugo: PathBuf,
    languages: &'a [(&'a str, &'a str)],
}

impl Writer<'_> {
    /// `promise_stem` and `hugo_stem` are paths without `.md`.
    fn both(&self, promise_stem: &str, promise_text: &str, hugo_stem: &str, hugo_text: &str) {
        write(&self.promise.join(format!("{promise_stem}.md")), promise_text);
        write(&self.hugo.join(format!("{hugo_stem}.md")), hugo_text);
        for (code, _) in self.languages {
            write(&self.promise.join(format!("{promise_stem}.{code}.md")), promise_text);
            write(&self.hugo.join(format!("{hugo_stem}.{code}.md")), hugo_text);
        }
    }

    fn hugo_only(&self, path: &str, text: &str) {
        write(&self.hugo.join(path), text);
        if let Some(stem) = path.strip_suffix(".md") {
            for (code, _) in self.languages {
                write(&self.hugo.join(format!("{stem}.{code}.md")), text);
            }
        }
    }
}

fn band_id(b: usize) -> String {
    format!("band-{b}")
}

fn band_label(b: usize) -> String {
    format!("Group {b}")
}

/// A paragraph of `sentences` short sentences.
fn paragraph(dice: &mut Dice, sentences: usize) -> String {
    let mut text = String::new();
    for s in 0..sentences {
        let sentence = match s % 3 {
            0 => format!("We will {} {}.", dice.pick(&VERBS), dice.pick(&WHEN)),
            1 => format!("You can talk to us about {}.", dice.pick(&THINGS)),
            _ => format!("We know {} matter to you.", dice.pick(&THINGS)),
        };
        if s > 0 {
            text.push(' ');
        }
        text.push_str(&sentence);
    }
    text
}

/// About 100 words, or about 350 when `long`.
fn promise_body(dice: &mut Dice, long: bool) -> String {
    let mut body = String::new();
    for i in 0..if long { 16 } else { 8 } {
        let line = match i % 8 {
            2 => format!("- We will {} with *{}*.", dice.pick(&VERBS), dice.pick(&THINGS)),
            5 => format!("- You can see [your local offer](/local-offer/) {}.", dice.pick(&WHEN)),
            _ => format!("- We will {} {}.", dice.pick(&VERBS), dice.pick(&WHEN)),
        };
        let _ = writeln!(body, "{line}");
    }
    let _ = write!(
        body,
        "\n## Why this matters\n\nYou told us this is **important**. We will {} {}.\n",
        dice.pick(&VERBS),
        dice.pick(&WHEN)
    );
    if long {
        for _ in 0..4 {
            let _ = write!(body, "\n{}\n", paragraph(dice, 7));
        }
    }
    body
}

/// About 350 words as a council writes for adults: long sentences of long
/// words, which a child's band is checked against.
fn adult_body(dice: &mut Dice) -> String {
    const PHRASES: [&str; 8] = [
        "the local authority will endeavour to ensure that appropriate arrangements are facilitated",
        "in accordance with its statutory responsibilities and the relevant legislation",
        "notwithstanding organisational considerations and the availability of resources",
        "through comprehensive multidisciplinary assessment of your individual circumstances",
        "your designated professional will coordinate the implementation of your care plan",
        "subject to consultation with the independent reviewing officer",
        "in relation to {}",
        "where it is considered appropriate and proportionate",
    ];
    let mut body = String::new();
    for _ in 0..12 {
        let sentence: Vec<String> = (0..3)
            .map(|_| dice.pick(&PHRASES).replace("{}", dice.pick(&THINGS)))
            .collect();
        let _ = writeln!(body, "- {}.", capitalised(&sentence.join(", ")));
    }
    body
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

fn offer_body(dice: &mut Dice, e: usize, entries: usize, long: bool) -> String {
    let next = (e + 1) % entries.max(1);
    let mut body = format!(
        "This is help with {}. We will {} {}.\n\n## What you get\n\n- Help with {}\n- Help with {}\n- A call back *the same day*\n\nSee also [help number {next}](/local-offer/entry-{next}/).\n",
        dice.pick(&THINGS),
        dice.pick(&VERBS),
        dice.pick(&WHEN),
        dice.pick(&THINGS),
        dice.pick(&THINGS),
    );
    if long {
        body.push_str("\n## How it works\n");
        for _ in 0..5 {
            let _ = write!(body, "\n{}\n", paragraph(dice, 7));
        }
    }
    body
}

fn message_body(dice: &mut Dice, long: bool) -> String {
    let mut body = format!("You told us about {}. Thank you for saying it.\n", dice.pick(&THINGS));
    if long {
        for _ in 0..3 {
            let _ = write!(body, "\n{}\n", paragraph(dice, 7));
        }
    }
    body
}

fn site_toml(bands: &[(&str, usize)], languages: &[(&str, &str)]) -> String {
    let mut toml = String::from(
        "title = \"Our promise to you\"\ncouncil = \"Benchmark Council\"\nbase_url = \"https://promise.bench.example/\"\n",
    );
    for (b, (ages, _)) in bands.iter().enumerate() {
        let look = LOOKS[b % 3];
        let _ = write!(
            toml,
            "\n[[bands]]\nid = \"{}\"\nlabel = \"{}\"\nages = \"{ages}\"\nlook = \"{look}\"\n",
            band_id(b),
            band_label(b),
        );
    }
    for (code, name) in languages {
        let _ = write!(toml, "\n[[languages]]\ncode = \"{code}\"\nname = \"{name}\"\n");
    }
    toml.push_str("\n[contacts.team]\nname = \"The Team\"\nphone = \"0113 496 0000\"\nemail = \"team@bench.example\"\nhours = \"Monday to Friday, 9am to 5pm\"\n\n[checks]\naccessibility_contact = \"team\"\n");
    toml
}

fn hugo_config(languages: &[(&str, &str)]) -> String {
    let mut toml = String::from(HUGO_CONFIG);
    if !languages.is_empty() {
        toml.push_str("defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n");
        for (i, (code, name)) in languages.iter().enumerate() {
            let _ = write!(
                toml,
                "[languages.{code}]\nweight = {}\nlanguageName = \"{name}\"\n",
                i + 2
            );
        }
    }
    toml.push_str("[markup.goldmark.renderer]\nunsafe = false\n");
    toml
}

const HUGO_CONFIG: &str = "baseURL = \"https://promise.bench.example/\"\nlanguageCode = \"en-GB\"\ntitle = \"Our promise to you\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n";

/// Hugo layouts that make the same pages as promise's theme: a base with the
/// header, band navigation and footer, list pages of their section's pages,
/// and single pages with breadcrumbs, title, summary and text.
fn write_hugo_layouts(hugo: &Path, bands: usize) {
    let mut nav = String::new();
    for b in 0..bands {
        let _ = write!(nav, "<li><a href=\"/{}/\">{}</a></li>", band_id(b), band_label(b));
    }
    let base = format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{{{{ .Title }}}} – {{{{ .Site.Title }}}}</title><link rel=\"canonical\" href=\"{{{{ .Permalink }}}}\"><link rel=\"stylesheet\" href=\"/site.css\"></head><body><a class=\"skip-link\" href=\"#main\">Skip to main content</a><header class=\"site-header\"><a href=\"/\">{{{{ .Site.Title }}}}</a><nav aria-label=\"Main\"><ul>{nav}<li><a href=\"/local-offer/\">Your local offer</a></li><li><a href=\"/messages/\">You said, we did</a></li></ul></nav></header><main id=\"main\">{{{{ block \"main\" . }}}}{{{{ end }}}}</main>{{{{ partialCached \"footer.html\" . }}}}</body></html>\n"
    );
    write(&hugo.join("layouts/_default/baseof.html"), &base);
    write(
        &hugo.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<nav aria-label=\"You are here\"><ol><li><a href=\"/\">Home</a></li>{{ with .Parent }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol></nav><h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class=\"lead\">{{ . }}</p>{{ end }}<div class=\"prose\">{{ .Content }}</div>{{ if hasPrefix .Section \"band-\" }}{{ $at := sub .Weight 1 }}{{ with .Parent }}<nav><h2>More from {{ .Title }}</h2><ul>{{ range first 13 (after (cond (gt $at 6) (sub $at 6) 0) .RegularPages) }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul><p><a href=\"{{ .RelPermalink }}\">See all {{ len .RegularPages }} promises</a></p></nav>{{ end }}{{ end }}{{ end }}\n",
    );
    write(
        &hugo.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ if eq .Section \"messages\" }}{{ range (.Paginate .RegularPages 10).Pages }}<article class=\"message\"><h2>{{ .Title }}</h2>{{ .Content }}</article>{{ end }}{{ else }}<ul class=\"cards\">{{ range (.Paginate .RegularPages 24).Pages }}<li class=\"card\"><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}{{ template \"_internal/pagination.html\" . }}{{ end }}\n",
    );
    write(
        &hugo.join("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Sections }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    );
    // The footer is the same on every page, so Hugo makes it once.
    write(
        &hugo.join("layouts/partials/footer.html"),
        "<footer><ul>{{ range .Site.Home.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul><p>Benchmark Council</p></footer>\n",
    );
    write(&hugo.join("static/site.css"), "body{font-family:sans-serif}\n");
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
