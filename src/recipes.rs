//! Deploy recipes: what a web host needs in a site's repository to build it
//! with a pinned promise and publish it, one set for each host in
//! `[publish]`. `promise new` writes the set for the starter's host; the
//! recipes themselves are in `deploy/`.

use crate::config::Host;

/// Every recipe's shared build script.
const BUILD: &str = include_str!("../deploy/build.sh");

/// Where releases of promise are downloaded from: named when a release is
/// built (by its workflow), else a place for the council to fill in.
const RELEASES: &str = match option_env!("PROMISE_RELEASES") {
    Some(releases) => releases,
    None => "https://github.com/OWNER/promise/releases/download",
};

/// The files the recipe for `host` puts in a site's repository, by their
/// path in it; `name` is the site's folder name. Hosts a council runs
/// itself (Apache, nginx) and `other` have none: `public/` is copied there.
pub fn files(host: Host, name: &str) -> Vec<(&'static str, String)> {
    let own: Option<(&'static str, &'static str)> = match host {
        Host::GithubPages => Some((
            ".github/workflows/publish.yml",
            include_str!("../deploy/github-pages.yml"),
        )),
        Host::GitlabPages => Some((".gitlab-ci.yml", include_str!("../deploy/gitlab-ci.yml"))),
        Host::Netlify => Some(("netlify.toml", include_str!("../deploy/netlify.toml"))),
        Host::CloudflarePages => Some(("wrangler.toml", include_str!("../deploy/wrangler.toml"))),
        Host::Apache | Host::Nginx | Host::Other => None,
    };
    let Some((path, text)) = own else {
        return Vec::new();
    };
    let fill = |text: &str| {
        text.replace("{{version}}", concat!("v", env!("CARGO_PKG_VERSION")))
            .replace("{{releases}}", RELEASES)
            .replace("{{name}}", &project_name(name))
    };
    vec![(path, fill(text)), ("build.sh", fill(BUILD))]
}

/// A host's project name from a folder's: lower case letters, digits and
/// single dashes.
fn project_name(folder: &str) -> String {
    let words: Vec<String> = folder
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "our-promise".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hosted_recipe_pins_this_version_and_builds_with_the_script() {
        for host in [
            Host::GithubPages,
            Host::GitlabPages,
            Host::Netlify,
            Host::CloudflarePages,
        ] {
            let files = files(host, "Westmere Promise!");
            assert_eq!(files.len(), 2, "{host:?}");
            let (_, build) = files.iter().find(|(path, _)| *path == "build.sh").unwrap();
            assert!(build.contains(&format!("version=\"v{}\"", env!("CARGO_PKG_VERSION"))));
            let left = ["{{version}}", "{{releases}}", "{{name}}"];
            assert!(
                !files.iter().any(|(_, text)| left.iter().any(|l| text.contains(l))),
                "{host:?}"
            );
        }
        assert!(
            files(Host::CloudflarePages, "Westmere Promise!")[0]
                .1
                .contains("name = \"westmere-promise\"")
        );
        assert!(files(Host::Apache, "x").is_empty());
    }
}
