//! Writes a large synthetic site twice, in `promise`'s content format and as
//! a Hugo site with equivalent templates, so both tools can be timed on the
//! same pages:
//!
//!     cargo run --release --example generate -- 1000 target/bench-sites/1000
//!
//! Of the N pages, a tenth are promise pages (bands of 20 themes, as more
//! bands and languages are how a council's site grows), and the rest are
//! local-offer entries and "you said, we did" messages, half each. The words
//! are short, plain and checked: the site builds with no warnings, as a
//! council's would once its officers had fixed what `promise check` found.

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
const BAND_AGES: [&str; 3] = ["0-11", "12-15", "16-25"];
const LOOKS: [&str; 3] = ["young", "teen", "adult"];

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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: generate N OUT_DIR");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    let mut dice = Dice(n as u64);
    let promise_pages = (n / 10).max(THEMES_PER_BAND);
    let bands = promise_pages.div_ceil(THEMES_PER_BAND);
    let offer = (n - promise_pages.min(n)) / 2;
    let messages = n - promise_pages.min(n) - offer;

    let promise = out.join("promise");
    let hugo = out.join("hugo");
    // Only the content is written afresh; what earlier builds wrote beside it
    // stays, so timing a build starts from a rebuild, as it would for a council.
    for folder in [&promise, &hugo] {
        let _ = fs::remove_dir_all(folder);
    }
    write(&promise.join("site.toml"), &site_toml(bands));
    write(&hugo.join("hugo.toml"), HUGO_CONFIG);
    write_hugo_layouts(&hugo, bands);
    for b in 0..bands {
        let band = band_id(b);
        write(
            &hugo.join(format!("content/{band}/_index.md")),
            &format!("---\ntitle: {}\n---\n", band_label(b)),
        );
        for t in 0..THEMES_PER_BAND.min(promise_pages - b * THEMES_PER_BAND) {
            let body = promise_body(&mut dice);
            let front = format!(
                "---\ntitle: Theme {t} for you\norder: {t}\nsummary: What we will do about theme {t}.\nicon: star\n---\n"
            );
            write(
                &promise.join(format!("promises/{band}/theme-{t}.md")),
                &format!("{front}{body}"),
            );
            let hugo_front =
                format!("---\ntitle: Theme {t} for you\nweight: {t}\nsummary: What we will do about theme {t}.\n---\n");
            write(
                &hugo.join(format!("content/{band}/theme-{t}.md")),
                &format!("{hugo_front}{body}"),
            );
        }
    }
    write(
        &hugo.join("content/local-offer/_index.md"),
        "---\ntitle: Your local offer\n---\n",
    );
    for e in 0..offer {
        let area = AREAS[e % AREAS.len()];
        let body = offer_body(&mut dice, e, offer);
        let summary = format!("Help with {} for you.", dice.pick(&THINGS));
        write(
            &promise.join(format!("local-offer/entry-{e}.md")),
            &format!(
                "---\ntitle: Help number {e}\narea: {area}\nages: 16-25\nkind: extra\nsummary: {summary}\nhow_to_get_it: Call us and ask.\ncontact: team\nreviewed: 2026-09-01\n---\n{body}"
            ),
        );
        write(
            &hugo.join(format!("content/local-offer/entry-{e}.md")),
            &format!(
                "---\ntitle: Help number {e}\nsummary: {summary}\nparams:\n  area: {area}\n  ages: 16-25\n---\n{body}"
            ),
        );
    }
    // Messages are one page in promise, so Hugo lists them without a page each.
    write(
        &hugo.join("content/messages/_index.md"),
        "---\ntitle: You said, we did\ncascade:\n  _build:\n    render: never\n    list: always\n---\n",
    );
    for m in 0..messages {
        let said = format!("2026-{:02}-{:02}", m % 12 + 1, m % 28 + 1);
        let did = format!("We now {} {}.", dice.pick(&VERBS), dice.pick(&WHEN));
        let body = format!("You told us about {}. Thank you for saying it.\n", dice.pick(&THINGS));
        write(
            &promise.join(format!("messages/message-{m}.md")),
            &format!(
                "---\ntitle: Please think about {}\nsaid: {said}\nwe_did:\n  - {did}\nnext:\n  - We will ask you again soon.\n---\n{body}",
                dice.pick(&THINGS)
            ),
        );
        write(
            &hugo.join(format!("content/messages/message-{m}.md")),
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
        write(
            &promise.join(format!("pages/{slug}.md")),
            &format!("---\ntitle: {title}\n{extra}---\n{body}"),
        );
        write(
            &hugo.join(format!("content/{slug}.md")),
            &format!("---\ntitle: {title}\n---\n{body}"),
        );
    }
    println!(
        "Wrote {n} pages ({promise_pages} promise pages in {bands} bands, {offer} local offer entries, {messages} messages) to {}",
        out.display()
    );
}

fn band_id(b: usize) -> String {
    format!("band-{b}")
}

fn band_label(b: usize) -> String {
    format!("Group {b}")
}

fn promise_body(dice: &mut Dice) -> String {
    let mut body = String::new();
    for i in 0..8 {
        let line = match i {
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
    body
}

fn offer_body(dice: &mut Dice, e: usize, entries: usize) -> String {
    let next = (e + 1) % entries.max(1);
    format!(
        "This is help with {}. We will {} {}.\n\n## What you get\n\n- Help with {}\n- Help with {}\n- A call back *the same day*\n\nSee also [help number {next}](/local-offer/entry-{next}/).\n",
        dice.pick(&THINGS),
        dice.pick(&VERBS),
        dice.pick(&WHEN),
        dice.pick(&THINGS),
        dice.pick(&THINGS),
    )
}

fn site_toml(bands: usize) -> String {
    let mut toml = String::from(
        "title = \"Our promise to you\"\ncouncil = \"Benchmark Council\"\nbase_url = \"https://promise.bench.example/\"\n",
    );
    for b in 0..bands {
        let _ = write!(
            toml,
            "\n[[bands]]\nid = \"{}\"\nlabel = \"{}\"\nages = \"{}\"\nlook = \"{}\"\n",
            band_id(b),
            band_label(b),
            BAND_AGES[b % 3],
            LOOKS[b % 3]
        );
    }
    toml.push_str("\n[contacts.team]\nname = \"The Team\"\nphone = \"0113 496 0000\"\nemail = \"team@bench.example\"\nhours = \"Monday to Friday, 9am to 5pm\"\n\n[checks]\naccessibility_contact = \"team\"\n");
    toml
}

const HUGO_CONFIG: &str = "baseURL = \"https://promise.bench.example/\"\nlanguageCode = \"en-GB\"\ntitle = \"Our promise to you\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n[markup.goldmark.renderer]\nunsafe = false\n";

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
        "{{ define \"main\" }}<nav aria-label=\"You are here\"><ol><li><a href=\"/\">Home</a></li>{{ with .Parent }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol></nav><h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class=\"lead\">{{ . }}</p>{{ end }}<div class=\"prose\">{{ .Content }}</div>{{ if hasPrefix .Section \"band-\" }}{{ with .Parent }}<nav><h2>More from {{ .Title }}</h2><ul>{{ range .RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></nav>{{ end }}{{ end }}{{ end }}\n",
    );
    write(
        &hugo.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ if eq .Section \"messages\" }}{{ range .RegularPages }}<article class=\"message\"><h2>{{ .Title }}</h2>{{ .Content }}</article>{{ end }}{{ else }}<ul class=\"cards\">{{ range .RegularPages }}<li class=\"card\"><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}{{ end }}\n",
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
