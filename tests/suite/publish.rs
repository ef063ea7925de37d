//! Publishing: the files each kind of host reads, old addresses that lead on
//! to where their pages are now, and the record of every address a leaflet
//! has printed.

use std::collections::BTreeMap;
use std::path::Path;

use promise::{Options, render_site};
use scraper::{Html, Selector};

use crate::common;

/// The example, built for `host`.
fn built_for(host: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    common::replace(
        &content.join("site.toml"),
        "host = \"netlify\"",
        &format!("host = \"{host}\""),
    );
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    render_site(&content, &options).expect("the example builds").outputs
}

fn text(outputs: &BTreeMap<String, Vec<u8>>, file: &str) -> String {
    let bytes = outputs.get(file).unwrap_or_else(|| panic!("{file} is written"));
    String::from_utf8(bytes.clone()).unwrap()
}

enum Line {
    Set(String, String),
    /// `! Name`: Cloudflare Pages takes away a header an earlier rule set.
    Detach(String),
}

/// `_headers` as Netlify and Cloudflare Pages read it: a path on a line of
/// its own, then its headers indented, as `Name: value`. Only Cloudflare
/// reads `! Name`. Anything else is a mistake the host would reject.
fn parse_headers(text: &str, cloudflare: bool) -> Vec<(String, Vec<Line>)> {
    let mut rules: Vec<(String, Vec<Line>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('/') {
            assert!(!line.contains(' '), "line {n}: a path has no spaces: {line}");
            assert!(
                !line.contains('*') || line.ends_with('*'),
                "line {n}: nothing may follow * in a path"
            );
            rules.push((line.to_string(), Vec::new()));
            continue;
        }
        let header = line
            .strip_prefix("  ")
            .unwrap_or_else(|| panic!("line {n}: a header is indented: {line}"));
        let (_, headers) = rules
            .last_mut()
            .unwrap_or_else(|| panic!("line {n}: a header before any path"));
        if let Some(name) = header.strip_prefix("! ") {
            assert!(cloudflare, "line {n}: only Cloudflare Pages reads \"! {name}\"");
            headers.push(Line::Detach(name.to_string()));
        } else {
            let (name, value) = header
                .split_once(": ")
                .unwrap_or_else(|| panic!("line {n}: not Name: value"));
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "line {n}: {name} is not a header name"
            );
            headers.push(Line::Set(name.to_string(), value.to_string()));
        }
    }
    rules
}

/// The headers a host sends for `path`: every rule whose path matches, in
/// order. Of two that set the same header, Netlify keeps the later and
/// Cloudflare Pages joins them with a comma, unless it was taken away.
fn headers_for(rules: &[(String, Vec<Line>)], path: &str, cloudflare: bool) -> BTreeMap<String, String> {
    let mut sent: BTreeMap<String, String> = BTreeMap::new();
    for (pattern, headers) in rules {
        let matches = match pattern.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == pattern,
        };
        if !matches {
            continue;
        }
        for line in headers {
            match line {
                Line::Detach(name) => {
                    sent.remove(name);
                }
                Line::Set(name, value) => match sent.get_mut(name) {
                    Some(before) if cloudflare => *before = format!("{before}, {value}"),
                    _ => {
                        sent.insert(name.clone(), value.clone());
                    }
                },
            }
        }
    }
    sent
}

/// The stylesheet, under the name that changes with its contents.
fn stylesheet(outputs: &BTreeMap<String, Vec<u8>>) -> String {
    let found: Vec<&String> = outputs
        .keys()
        .filter(|f| f.starts_with("assets/site.") && f.ends_with(".css"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

fn meta_policy(outputs: &BTreeMap<String, Vec<u8>>, page: &str) -> String {
    let html = Html::parse_document(&text(outputs, page));
    let selector = Selector::parse("meta[http-equiv=Content-Security-Policy]").unwrap();
    let meta = html.select(&selector).next().expect("a policy in the page");
    meta.attr("content").unwrap().to_string()
}

#[test]
fn netlify_and_cloudflare_send_every_header_with_the_pages_own_policy() {
    for (host, cloudflare) in [("netlify", false), ("cloudflare-pages", true)] {
        let outputs = built_for(host);
        let rules = parse_headers(&text(&outputs, "_headers"), cloudflare);
        let css = stylesheet(&outputs);
        for page in ["index.html", "0-11/keeping-safe/index.html", "ar/12-15/index.html"] {
            let path = format!("/{}", page.trim_end_matches("index.html"));
            let sent = headers_for(&rules, &path, cloudflare);
            assert_eq!(
                sent["Content-Security-Policy"],
                format!("{}; frame-ancestors 'none'", meta_policy(&outputs, page)),
                "{host} {path}"
            );
            assert_eq!(sent["X-Frame-Options"], "DENY", "{host}");
            assert_eq!(sent["X-Content-Type-Options"], "nosniff", "{host}");
            assert_eq!(sent["Referrer-Policy"], "no-referrer", "{host}");
            for feature in ["camera=()", "microphone=()", "geolocation=()"] {
                assert!(sent["Permissions-Policy"].contains(feature), "{host}: {feature}");
            }
            assert_eq!(sent["Cache-Control"], "public, max-age=300", "{host} {path}");
        }
        // The editor's page may run its one pinned script from elsewhere, and
        // no other.
        let sent = headers_for(&rules, "/admin/", cloudflare);
        let policy = &sent["Content-Security-Policy"];
        let scripts = policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src "))
            .unwrap();
        assert_eq!(
            scripts, "script-src 'self' https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js",
            "{host}"
        );
        let page = text(&outputs, "admin/index.html");
        assert!(page.contains("integrity=\"sha384-"), "{page}");
        let sent = headers_for(&rules, &format!("/{css}"), cloudflare);
        assert_eq!(sent["Cache-Control"], "public, max-age=31536000, immutable", "{host}");
        assert!(
            sent["Content-Security-Policy"].contains("frame-ancestors 'none'"),
            "{host}"
        );
        assert!(outputs.contains_key("_redirects"), "{host}");
        assert!(
            !outputs.contains_key(".htaccess") && !outputs.contains_key("nginx.conf"),
            "{host}"
        );
    }
}

#[test]
fn every_page_links_to_the_stylesheet_by_the_name_that_changes_with_it() {
    let outputs = built_for("netlify");
    let css = stylesheet(&outputs);
    let hash = css.trim_start_matches("assets/site.").trim_end_matches(".css");
    assert!(hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit()), "{css}");
    assert!(!outputs.contains_key("assets/site.css"));
    let selector = Selector::parse("link[rel=stylesheet]").unwrap();
    for (file, bytes) in outputs
        .iter()
        .filter(|(f, _)| f.ends_with(".html") && !f.starts_with("admin/"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let href = html.select(&selector).next().unwrap().attr("href").unwrap().to_string();
        assert!(href.ends_with(&css), "{file} links to {href}");
    }
}

#[test]
fn apache_and_nginx_are_told_the_same() {
    let netlify = built_for("netlify");
    let rules = parse_headers(&text(&netlify, "_headers"), false);
    let page = headers_for(&rules, "/", false);

    let apache = built_for("apache");
    let htaccess = text(&apache, ".htaccess");
    for (name, value) in &page {
        let set = if name == "Cache-Control" {
            "Header set"
        } else {
            "Header always set"
        };
        assert!(
            htaccess.contains(&format!("{set} {name} \"{value}\"")),
            "{name} in\n{htaccess}"
        );
    }
    assert!(htaccess.contains(
        "<If \"%{REQUEST_URI} =~ m#^/assets/#\">\n    Header set Cache-Control \"public, max-age=31536000, immutable\""
    ));
    assert!(htaccess.contains("ErrorDocument 404 /404.html"));
    assert_eq!(
        htaccess.matches("<IfModule").count(),
        htaccess.matches("</IfModule>").count()
    );
    assert!(!apache.contains_key("_headers"));

    let nginx = text(&built_for("nginx"), "nginx.conf");
    let mut depth = 0;
    for line in nginx
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if line.ends_with('{') {
            depth += 1;
        } else if line == "}" {
            depth -= 1;
        } else {
            assert!(line.ends_with(';'), "a directive ends with a semicolon: {line}");
        }
        assert!((0..=1).contains(&depth), "{line}");
    }
    assert_eq!(depth, 0, "the braces close");
    let start = nginx
        .find("location ^~ /assets/ {\n")
        .expect("a location for the assets");
    let assets = &nginx[start..start + nginx[start..].find("\n}\n").unwrap()];
    // nginx forgets the server's headers in a location that sets its own.
    for (name, value) in page.iter().filter(|(n, _)| *n != "Cache-Control") {
        assert!(
            assets.contains(&format!("add_header {name} \"{value}\" always;")),
            "{name} in\n{assets}"
        );
        assert!(nginx.starts_with('#') && nginx.contains(&format!("\nadd_header {name} \"{value}\" always;")));
    }
    assert!(assets.contains("add_header Cache-Control \"public, max-age=31536000, immutable\" always;"));
    assert!(nginx.contains("location = /nginx.conf {\n    return 404;\n}"));
}

#[test]
fn a_host_that_reads_no_files_gets_none() {
    for host in ["github-pages", "other"] {
        let outputs = built_for(host);
        for file in ["_headers", "_redirects", ".htaccess", "nginx.conf"] {
            assert!(!outputs.contains_key(file), "{host}: {file}");
        }
    }
}

fn check(dir: &Path) -> (bool, String) {
    let output = common::promise(dir, &["check", "--content", "content"]);
    (output.status.success(), common::stderr(&output))
}

/// Renames a file of a content `folder` (whose pages are at `address`)
/// from `old` to `new`, and mends the link to it in `linked_from`, as a
/// team would; check then fails, naming both editions of the 16-25 leaflet
/// that printed the old address. Returns what check said.
fn renamed(content: &Path, (folder, address): (&str, &str), (old, new): (&str, &str), linked_from: &str) -> String {
    let folder = content.join(folder);
    std::fs::rename(folder.join(format!("{old}.md")), folder.join(format!("{new}.md"))).unwrap();
    common::replace(
        &content.join(linked_from),
        &format!("(/{address}/{old}/)"),
        &format!("(/{address}/{new}/)"),
    );
    let (passed, said) = check(content.parent().unwrap());
    assert!(!passed, "{said}");
    assert!(
        said.contains(&format!("error[printed-address-gone]: /{address}/{old}/ is printed in leaflets/16-25-large-print.pdf (a link to type) and leaflets/16-25.pdf (a link to type), and no page is there now")),
        "{said}"
    );
    said
}

#[test]
fn a_renamed_page_a_leaflet_printed_fails_check_until_it_has_its_old_address_as_an_alias() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    std::fs::remove_file(content.join("printed.toml")).unwrap();
    let out = dir.path().join("public");
    promise::build(&content, &out, &Options::default()).expect("the example builds");
    let printed = std::fs::read_to_string(content.join("printed.toml")).unwrap();
    assert!(printed.contains("address = \"/0-11/\"\nleaflet = \"leaflets/0-11.pdf\"\nhow = \"qr-code\""));
    assert!(printed.contains("address = \"/ar/12-15/\"\nleaflet = \"ar/leaflets/12-15.pdf\"\nhow = \"qr-code\""));
    assert!(
        printed.contains("address = \"/local-offer/staying-put/\"\nleaflet = \"leaflets/16-25.pdf\"\nhow = \"link\"")
    );

    // The team renames the entry, and mends the link to it on the site.
    let said = renamed(
        &content,
        ("local-offer", "local-offer"),
        ("staying-put", "staying-with-carers"),
        "promises/16-25/somewhere-to-live.md",
    );
    let offer = content.join("local-offer");
    assert!(said.contains("--> content/printed.toml:"), "{said}");
    assert!(said.contains("aliases: [/local-offer/staying-put/]"), "{said}");
    // A build refuses too, and leaves the site as it was.
    let before = std::fs::read(out.join("local-offer/staying-put/index.html")).unwrap();
    assert!(promise::build(&content, &out, &Options::default()).is_err());
    assert_eq!(
        std::fs::read(out.join("local-offer/staying-put/index.html")).unwrap(),
        before
    );

    common::replace(
        &offer.join("staying-with-carers.md"),
        "title: Staying Put",
        "aliases: [/local-offer/staying-put/]\ntitle: Staying Put",
    );
    let (passed, said) = check(dir.path());
    assert!(passed, "{said}");
    let built = promise::build(&content, &out, &Options::default()).expect("it builds with the alias");
    let moved = Html::parse_document(&text(&built.outputs, "local-offer/staying-put/index.html"));
    let attr = |css: &str, name: &str| {
        let selector = Selector::parse(css).unwrap();
        moved
            .select(&selector)
            .next()
            .and_then(|e| e.attr(name))
            .map(str::to_string)
    };
    assert_eq!(
        attr("meta[http-equiv=refresh]", "content").as_deref(),
        Some("0; url=../../local-offer/staying-with-carers/index.html")
    );
    assert_eq!(
        attr("link[rel=canonical]", "href").as_deref(),
        Some("https://promise.westmere.example/local-offer/staying-with-carers/")
    );
    assert_eq!(attr("meta[name=robots]", "content").as_deref(), Some("noindex"));
    let redirects = text(&built.outputs, "_redirects");
    assert!(redirects.contains("\n/local-offer/staying-put/ /local-offer/staying-with-carers/ 301\n"));
    assert!(redirects.contains("\n/ar/local-offer/staying-put/ /ar/local-offer/staying-with-carers/ 301\n"));
    assert!(!text(&built.outputs, "sitemap.xml").contains("staying-put/"));
    // The old leaflet's address stays recorded.
    let printed = std::fs::read_to_string(content.join("printed.toml")).unwrap();
    assert!(printed.contains("address = \"/local-offer/staying-put/\""));
}

#[test]
fn aliases_that_cannot_work_are_errors_at_their_line() {
    for (alias, code) in [
        ("https://elsewhere.example/keeping-safe/", "bad-alias"),
        ("/0-11/../secret/", "bad-alias"),
        ("/", "bad-alias"),
        ("/0-11/being-listened-to/", "alias-taken"),
    ] {
        let dir = common::copy_of_example();
        let file = dir.path().join("content/promises/0-11/keeping-safe.md");
        common::replace(
            &file,
            "title: Keeping you safe",
            &format!("aliases: [\"{alias}\"]\ntitle: Keeping you safe"),
        );
        let (passed, said) = check(dir.path());
        assert!(!passed, "{alias}");
        assert!(said.contains(&format!("error[{code}]")), "{alias}: {said}");
        assert!(
            said.contains("content/promises/0-11/keeping-safe.md"),
            "{alias}: {said}"
        );
    }
    // Written in full, or without its last /, an alias is the same address.
    let dir = common::copy_of_example();
    let file = dir.path().join("content/promises/0-11/keeping-safe.md");
    common::replace(
        &file,
        "title: Keeping you safe",
        "aliases:\n  - https://promise.westmere.example/0-11/safe/\n  - 0-11/staying-safe\ntitle: Keeping you safe",
    );
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let built = render_site(&dir.path().join("content"), &options).expect("it builds");
    for old in [
        "0-11/safe/index.html",
        "0-11/staying-safe/index.html",
        "ar/0-11/safe/index.html",
    ] {
        assert!(text(&built.outputs, old).contains("url=../../"), "{old}");
    }
}

#[test]
fn printed_toml_keeps_what_old_leaflets_printed_and_is_only_written_when_something_is_new() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let file = content.join("printed.toml");
    let old = "\n[[printed]]\naddress = \"/messages/\"\nleaflet = \"leaflets/summer-2025.pdf\"\nhow = \"qr-code\"\nsince = 2025-06-01\n";
    std::fs::write(&file, format!("# by hand\n{old}")).unwrap();
    let options = Options {
        today: jiff::civil::date(2026, 12, 4),
        ..Options::default()
    };
    let out = dir.path().join("public");
    promise::build(&content, &out, &options).expect("it builds");
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.contains(old), "{first}");
    assert!(
        first.contains(
            "address = \"/16-25/\"\nleaflet = \"leaflets/16-25.pdf\"\nhow = \"qr-code\"\nsince = 2026-12-04\n"
        )
    );
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let later = Options {
        today: jiff::civil::date(2027, 1, 10),
        ..Options::default()
    };
    promise::build(&content, &out, &later).expect("it builds again");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        first,
        "nothing new, nothing changed"
    );
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), modified);

    std::fs::write(
        &file,
        "[[printed]]\naddress = \"/0-11/\"\nleaflet = \"leaflets/0-11.pdf\"\nhow = \"sticker\"\nsince = 2026-01-01\n",
    )
    .unwrap();
    let (passed, said) = check(dir.path());
    assert!(!passed);
    assert!(said.contains("error[bad-printed-toml]"), "{said}");
    assert!(said.contains("--> content/printed.toml:4:7"), "{said}");
}

#[test]
fn the_live_site_publishes_the_record_and_a_fresh_checkout_merges_it_back() {
    // A build on a host records what its leaflets print in a content folder
    // that is thrown away afterwards; the site it publishes keeps the record.
    let hosted = common::copy_of_example();
    let old = "[[printed]]\naddress = \"/messages/\"\nleaflet = \"leaflets/summer-2025.pdf\"\nhow = \"qr-code\"\nsince = 2025-06-01\n";
    std::fs::write(hosted.path().join("content/printed.toml"), old).unwrap();
    let built = common::promise(hosted.path(), &["build", "--today", "2026-12-04"]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    let published = hosted.path().join("public/leaflets/printed.toml");
    let record = std::fs::read_to_string(&published).unwrap();
    assert_eq!(
        record,
        std::fs::read_to_string(hosted.path().join("content/printed.toml")).unwrap()
    );
    assert!(
        record.contains("since = 2025-06-01") && record.contains("since = 2026-12-04"),
        "{record}"
    );

    // The next build starts from the repository, which never saw it.
    let next = common::copy_of_example();
    std::fs::remove_file(next.path().join("content/printed.toml")).ok();
    let merged = common::promise(next.path(), &["printed", "merge", published.to_str().unwrap()]);
    assert!(merged.status.success(), "{}", common::stderr(&merged));
    let said = String::from_utf8_lossy(&merged.stdout);
    let entries = record.matches("[[printed]]").count();
    assert!(said.contains(&format!("{entries} new addresses")), "{said}");
    assert_eq!(
        std::fs::read_to_string(next.path().join("content/printed.toml")).unwrap(),
        record
    );
    // Merging again adds nothing.
    let again = common::promise(next.path(), &["printed", "merge", published.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 new addresses"));

    // What is not a record is refused, and the content's is left as it was.
    let bad = next.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[printed]]\naddress = \"https://elsewhere.example/\"\nleaflet = \"x\"\nhow = \"link\"\nsince = 2026-01-01\n",
    )
    .unwrap();
    let refused = common::promise(next.path(), &["printed", "merge", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        common::stderr(&refused).contains("not one of a site's pages"),
        "{}",
        common::stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(next.path().join("content/printed.toml")).unwrap(),
        record
    );
}

#[test]
fn a_renamed_promise_file_whose_address_a_leaflet_printed_fails_check_until_it_has_an_alias() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let band = content.join("promises/16-25");
    common::replace(
        &band.join("college-university-and-work.md"),
        "- We will help you choose a course, an apprenticeship or a job.",
        "- We will help you choose a course, an apprenticeship or a job. [Read about money at college](/16-25/money/).",
    );
    let out = dir.path().join("public");
    promise::build(&content, &out, &Options::default()).expect("the example builds");
    assert!(
        std::fs::read_to_string(content.join("printed.toml"))
            .unwrap()
            .contains("address = \"/16-25/money/\"\nleaflet = \"leaflets/16-25.pdf\"\nhow = \"link\"")
    );

    renamed(
        &content,
        ("promises/16-25", "16-25"),
        ("money", "money-and-budgeting"),
        "promises/16-25/college-university-and-work.md",
    );

    common::replace(
        &band.join("money-and-budgeting.md"),
        "title: ",
        "aliases: [/16-25/money/]\ntitle: ",
    );
    let (passed, said) = check(dir.path());
    assert!(passed, "{said}");
}

#[test]
fn a_band_given_a_new_id_fails_check_naming_the_qr_codes_until_the_band_has_an_alias() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let promises = content.join("promises");
    std::fs::rename(promises.join("16-25"), promises.join("16-to-25")).unwrap();
    common::replace(&content.join("site.toml"), "id = \"16-25\"", "id = \"16-to-25\"");
    // The band's words in Arabic follow it to its new id.
    common::replace(&content.join("site.ar.toml"), "[bands.16-25]", "[bands.16-to-25]");
    let (passed, said) = check(dir.path());
    assert!(!passed, "{said}");
    assert!(
        said.contains("error[printed-address-gone]: /16-25/ is printed in leaflets/16-25-large-print.pdf (its QR code) and leaflets/16-25.pdf (its QR code), and no page is there now"),
        "{said}"
    );
    assert!(
        said.contains("add aliases = [\"/16-25/\"] to the band in site.toml"),
        "{said}"
    );

    common::replace(
        &content.join("site.toml"),
        "id = \"16-to-25\"",
        "id = \"16-to-25\"\naliases = [\"/16-25/\"]",
    );
    let (passed, said) = check(dir.path());
    assert!(passed, "{said}");
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let built = render_site(&content, &options).unwrap();
    assert!(text(&built.outputs, "16-25/index.html").contains("url=../16-to-25/index.html"));
    assert!(text(&built.outputs, "_redirects").contains("\n/16-25/ /16-to-25/ 301\n"));

    common::replace(
        &content.join("site.toml"),
        "aliases = [\"/16-25/\"]",
        "aliases = [\"https://elsewhere.example/16-25/\"]",
    );
    let (passed, said) = check(dir.path());
    assert!(
        !passed && said.contains("error[bad-alias]") && said.contains("--> content/site.toml:"),
        "{said}"
    );
}
