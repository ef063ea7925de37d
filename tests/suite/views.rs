//! Every field a page template reads is one its view has: each path a
//! template names (`contact.name`, `b.href` inside `for b in bands`) is
//! looked up in the data the example's pages of that template are given.
//! Tera reads a missing field in an `{% if %}` as false without a word, so
//! a field renamed in a view, or misspelt in a template, would otherwise
//! quietly hide part of a page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use promise::content;
use promise::render::pages::Planner;
use promise::render::{self, theme::Theme};
use serde_json::Value;
use tera::ast::{Expr, ExprVal, Node};

use crate::common;

/// What a name in a template stands for where it is read.
#[derive(Clone)]
enum Bound {
    /// A path of the page's data: `bands[]` for `b` in `for b in bands`.
    Data(Vec<String>),
    /// Something of the template's own, such as `{% set here = "page" %}`.
    Local,
}

/// The paths of the page's data a template reads, as `a.b[].c`.
#[derive(Default)]
struct Reads {
    paths: BTreeSet<Vec<String>>,
}

impl Reads {
    fn nodes(&mut self, nodes: &[Node], scope: &mut BTreeMap<String, Bound>) {
        for node in nodes {
            self.node(node, scope);
        }
    }

    fn node(&mut self, node: &Node, scope: &mut BTreeMap<String, Bound>) {
        match node {
            Node::VariableBlock(_, expr) => self.expr(expr, scope),
            Node::Set(_, set) => {
                let bound = match &set.value.val {
                    ExprVal::Ident(name) if set.value.filters.is_empty() => {
                        self.ident(name, scope);
                        resolve(name, scope).map_or(Bound::Local, Bound::Data)
                    }
                    _ => {
                        self.expr(&set.value, scope);
                        Bound::Local
                    }
                };
                scope.insert(set.key.clone(), bound);
            }
            Node::FilterSection(_, section, _) => {
                self.call_args(&section.filter.args, scope);
                self.nodes(&section.body, scope);
            }
            Node::Block(_, block, _) => self.nodes(&block.body, scope),
            Node::Forloop(_, for_loop, _) => {
                self.expr(&for_loop.container, scope);
                let mut inner = scope.clone();
                let each = match &for_loop.container.val {
                    ExprVal::Ident(name) => resolve(name, scope).map(|mut path| {
                        path.push("[]".to_string());
                        path
                    }),
                    _ => None,
                };
                inner.insert(for_loop.value.clone(), each.map_or(Bound::Local, Bound::Data));
                if let Some(key) = &for_loop.key {
                    inner.insert(key.clone(), Bound::Local);
                }
                inner.insert("loop".to_string(), Bound::Local);
                self.nodes(&for_loop.body, &mut inner);
                if let Some(empty) = &for_loop.empty_body {
                    self.nodes(empty, &mut scope.clone());
                }
            }
            // A `set` inside an `if` holds after it, as in Tera.
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    self.expr(condition, scope);
                    self.nodes(body, scope);
                }
                if let Some((_, body)) = &branches.otherwise {
                    self.nodes(body, scope);
                }
            }
            // A macro reads only its arguments; what its callers pass is read
            // where they call it.
            _ => {}
        }
    }

    fn expr(&mut self, expr: &Expr, scope: &BTreeMap<String, Bound>) {
        self.value(&expr.val, scope);
        for filter in &expr.filters {
            self.call_args(&filter.args, scope);
        }
    }

    fn call_args(&mut self, args: &std::collections::HashMap<String, Expr>, scope: &BTreeMap<String, Bound>) {
        for arg in args.values() {
            self.expr(arg, scope);
        }
    }

    fn value(&mut self, value: &ExprVal, scope: &BTreeMap<String, Bound>) {
        match value {
            ExprVal::Ident(name) => self.ident(name, scope),
            ExprVal::Math(math) => {
                self.expr(&math.lhs, scope);
                self.expr(&math.rhs, scope);
            }
            ExprVal::Logic(logic) => {
                self.expr(&logic.lhs, scope);
                self.expr(&logic.rhs, scope);
            }
            ExprVal::In(within) => {
                self.expr(&within.lhs, scope);
                self.expr(&within.rhs, scope);
            }
            ExprVal::Test(test) => {
                self.ident(&test.ident, scope);
                for arg in &test.args {
                    self.expr(arg, scope);
                }
            }
            ExprVal::MacroCall(call) => self.call_args(&call.args, scope),
            ExprVal::FunctionCall(call) => self.call_args(&call.args, scope),
            ExprVal::Array(items) => items.iter().for_each(|item| self.expr(item, scope)),
            ExprVal::StringConcat(concat) => concat.values.iter().for_each(|v| self.value(v, scope)),
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        }
    }

    fn ident(&mut self, name: &str, scope: &BTreeMap<String, Bound>) {
        if let Some(path) = resolve(name, scope) {
            self.paths.insert(path);
        }
    }
}

/// The data path a dotted name reads, or None for a name of the template's own.
fn resolve(name: &str, scope: &BTreeMap<String, Bound>) -> Option<Vec<String>> {
    let mut parts = name.split('.').map(str::to_string);
    let first = parts.next()?;
    let mut path = match scope.get(&first) {
        Some(Bound::Local) => return None,
        Some(Bound::Data(path)) => path.clone(),
        None if first == "__tera_context" => return None,
        None => vec![first],
    };
    path.extend(parts);
    Some(path)
}

/// Whether `path` can be followed in `data` to a key that is there. An
/// array is followed into each of its items. Past a null (a view's `None`)
/// or an empty list nothing more can be seen, and the path is taken as
/// found: another page of the example may show it, and the top of every
/// path is always checked.
fn found(data: &Value, path: &[String]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return true;
    };
    match (first.as_str(), data) {
        (_, Value::Null) => true,
        ("[]", Value::Array(items)) => items.is_empty() || items.iter().any(|item| found(item, rest)),
        (key, Value::Object(map)) => map.get(key).is_some_and(|value| found(value, rest)),
        _ => false,
    }
}

/// Every page template's reads: its own nodes, its parent's and what it
/// includes.
fn reads(tera: &tera::Tera, name: &str) -> Reads {
    let mut reads = Reads::default();
    let mut names = vec![name.to_string()];
    let mut seen = BTreeSet::new();
    while let Some(name) = names.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let template = tera.get_template(&name).unwrap();
        names.extend(template.parents.iter().cloned());
        for node in &template.ast {
            if let Node::Include(_, included, _) = node {
                names.extend(included.iter().cloned());
            }
        }
        reads.nodes(&template.ast, &mut BTreeMap::new());
    }
    reads
}

/// The data each page template is given across the example, in every language.
fn contexts() -> BTreeMap<&'static str, Vec<Value>> {
    let root = common::example();
    let theme = Theme::load(&root).0;
    let (site, _) = content::load(&root, None, &theme.icon_names(), jiff::Zoned::now().date()).unwrap();
    let (strings, _) = render::strings::for_site(&theme, &site.config);
    let pictures = Default::default();
    let today = jiff::civil::date(2026, 12, 1);
    let words = |code: &str| &strings[code];
    let planner = Planner::new(
        &site,
        site.config.base_url(),
        &theme,
        true,
        &[],
        &pictures,
        today,
        words(&site.config.language),
    );
    let translated: Vec<content::Site> = site
        .config
        .languages
        .iter()
        .map(|l| site.in_language(l.code.get_ref()))
        .collect();
    let mut planners = vec![planner.clone()];
    for (language, site) in site.config.languages.iter().zip(&translated) {
        planners.push(planner.in_language(site, language, words(language.code.get_ref())));
    }
    let mut contexts: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for planner in &planners {
        for plan in planner.plans() {
            let job = planner.job(plan);
            contexts.entry(job.template).or_default().push(job.context);
        }
    }
    contexts
}

fn templates() -> tera::Tera {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    tera::Tera::new(&format!("{}/**/*", folder.display())).unwrap()
}

#[test]
fn every_field_a_page_template_reads_is_in_its_view() {
    let tera = templates();
    let contexts = contexts();
    assert!(contexts.len() >= 12, "only {} page templates", contexts.len());
    let mut missing = Vec::new();
    for (template, pages) in &contexts {
        for path in reads(&tera, template).paths {
            // Every page has the key; some may have it null.
            if !pages.iter().all(|data| found(data, &path)) {
                missing.push(format!("{template} reads {} ", path.join(".").replace(".[]", "[]")));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields the templates read that a page of the example is not given (its view lacks them):\n{}",
        missing.join("\n")
    );
}

/// The test itself: a field misspelt in a condition is caught, however
/// deep in loops and sets it is read, and one under a null is not
/// claimed.
#[test]
fn a_field_a_view_lacks_is_named() {
    let mut tera = tera::Tera::default();
    tera.add_raw_template(
        "t.html",
        "{% set b = finder.body %}{% for c in b.choices %}{% if c.wide %}{{ c.labl }}{% endif %}{% endfor %}{% if exitt_url %}{% endif %}{{ loop_free }}{% if audit %}{{ audit.by }}{% endif %}",
    )
    .unwrap();
    let data = serde_json::json!({
        "finder": { "body": { "choices": [{ "label": "16", "wide": false }] } },
        "exit_url": null,
        "loop_free": 1,
        "audit": null,
    });
    let reads = reads(&tera, "t.html");
    let missing: Vec<String> = reads
        .paths
        .iter()
        .filter(|path| !found(&data, path))
        .map(|path| path.join("."))
        .collect();
    assert_eq!(missing, ["exitt_url", "finder.body.choices.[].labl"]);
}
