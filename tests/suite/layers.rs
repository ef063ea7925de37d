//! The layers of `src/` that ARCHITECTURE.md draws: every `crate::` (and
//! `super::`) path in a module may only name a module on a lower layer, or
//! its own. An import that points up, or sideways to another module on the
//! same layer, fails here with the file, the line and both layers.

use std::path::Path;

/// Each layer, bottom first, with the modules on it. A module not listed
/// takes the layer of the nearest listed module that holds it. `""` is the
/// crate's root, `lib.rs`: the pipeline.
const LAYERS: &[(&str, &[&str])] = &[
    ("diagnostics as data", &["diagnostics"]),
    ("names and rules", &["layout", "phone", "email", "leaving_care"]),
    (
        "reading the content folder, and keeping what was made",
        &["files", "store"],
    ),
    ("printing diagnostics", &["report"]),
    ("site.toml", &["config"]),
    ("the model", &["content", "printed"]),
    (
        "pictures, the editor and the deploy recipes",
        &["pictures", "editor", "recipes"],
    ),
    ("render", &["render"]),
    ("print", &["print"]),
    ("check", &["check"]),
    ("writing", &["output", "starter", "translations"]),
    ("the pipeline", &[""]),
    ("the preview", &["serve"]),
    ("the command line", &["main"]),
];

/// A module path's layer (its index in [`LAYERS`]) and the listed module
/// that holds it.
fn layer_of(module: &[String]) -> (usize, &'static str) {
    // Every module is in the crate's root until a longer match is found.
    let root = LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&""))
        .unwrap_or_default();
    let mut best = (root, "", 0);
    for (layer, (_, modules)) in LAYERS.iter().enumerate() {
        for &listed in *modules {
            let parts: Vec<&str> = listed.split("::").filter(|p| !p.is_empty()).collect();
            let holds = parts.len() <= module.len() && parts.iter().zip(module).all(|(a, b)| a == b);
            if holds && parts.len() > best.2 {
                best = (layer, listed, parts.len());
            }
        }
    }
    (best.0, best.1)
}

/// The module a file of `src/` is: `render/pages/mod.rs` is `render::pages`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The text with comments and the insides of string and character
/// literals blanked, newlines kept, so a path in a doc comment or a
/// message is not taken for an import.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r' && matches!(next, Some('#' | '"')) && !is_ident(chars.get(i.wrapping_sub(1)).copied()) {
            // A raw string: r"..." or r#"..."#.
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.extend(std::iter::repeat_n(' ', close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character: '\n', '\u{1F600}'.
            let end = (i + 2..chars.len()).find(|j| chars[*j] == '\'').unwrap_or(chars.len());
            out.extend(std::iter::repeat_n(' ', end + 1 - i));
            i = end + 1;
        } else if c == '\'' && next.is_some() && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// An import of one module by another.
#[derive(Debug, PartialEq)]
struct Import {
    line: usize,
    target: Vec<String>,
}

/// Every module path `code` names through `crate::`, `super::` or (in the
/// binary) `promise::`, with `use` groups opened: `use crate::{a, b::c}`
/// names `a` and `b::c`. A `super::` inside an inline `mod tests { }` is
/// that module's parent, the file's own module.
fn imports(module: &[String], code: &str) -> Vec<Import> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let (mut line, mut depth) = (1, 0);
    // Inline modules open here: their name and the depth of their brace.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let boundary = !is_ident(i.checked_sub(1).map(|p| chars[p])) && (i == 0 || chars[i - 1] != ':');
        match c {
            '\n' => line += 1,
            '{' => depth += 1,
            '}' => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            _ => {}
        }
        if !boundary {
            i += 1;
            continue;
        }
        let at = |word: &str| chars[i..].starts_with(&word.chars().collect::<Vec<_>>());
        if at("mod ") {
            let name: String = chars[i + 4..].iter().take_while(|c| is_ident(Some(**c))).collect();
            let after = chars[i + 4 + name.len()..].iter().find(|c| !c.is_whitespace());
            if after == Some(&'{') {
                inline.push((name, depth + 1));
            }
            i += 4;
            continue;
        }
        let mut base: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let start = if at("crate::") {
            base.clear();
            i + 7
        } else if at("promise::") && module == ["main"] {
            base.clear();
            i + 9
        } else if at("super::") {
            let mut j = i;
            while chars[j..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']) {
                base.pop();
                j += 7;
            }
            j
        } else {
            i += 1;
            continue;
        };
        let mut end = start;
        let mut group = 0;
        while end < chars.len() {
            match chars[end] {
                '{' => group += 1,
                '}' if group > 0 => group -= 1,
                ',' if group > 0 => {}
                c if c.is_alphanumeric() || c == '_' || c == ':' || c == '*' || (group > 0 && c.is_whitespace()) => {}
                _ => break,
            }
            end += 1;
        }
        let path: String = chars[start..end].iter().collect();
        for target in expand(&path) {
            let mut full = base.clone();
            full.extend(target.into_iter().filter(|s| s != "self"));
            found.push(Import { line, target: full });
        }
        line += chars[i..end].iter().filter(|c| **c == '\n').count();
        depth += chars[start..end].iter().filter(|c| **c == '{').count();
        depth -= chars[start..end].iter().filter(|c| **c == '}').count();
        i = end;
    }
    found
}

/// The module paths one `use` path names, its groups opened; the last
/// segment is kept (it may be a module or an item in one).
fn expand(path: &str) -> Vec<Vec<String>> {
    let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = path.find('{') else {
        return vec![path.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect()];
    };
    let head: Vec<String> = path[..open]
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let inner = path[open + 1..].strip_suffix('}').unwrap_or(&path[open + 1..]);
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(expand)
        .map(|tail| head.iter().cloned().chain(tail).collect())
        .collect()
}

/// Whether `target` names a module the crate has, or an item in one; only
/// the path up to the last module counts.
fn module_part(target: &[String], modules: &[Vec<String>]) -> Vec<String> {
    (0..=target.len())
        .rev()
        .map(|n| target[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
        .unwrap_or_default()
}

/// Every import in `src/` that breaks the layers, as a line each.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let modules: Vec<Vec<String>> = files.iter().map(|(path, _)| module_of(Path::new(path))).collect();
    let mut problems = Vec::new();
    for ((path, text), module) in files.iter().zip(&modules) {
        let (layer, owner) = layer_of(module);
        for import in imports(module, &code_only(text)) {
            let target = module_part(&import.target, &modules);
            let (to_layer, to_owner) = layer_of(&target);
            if to_layer > layer || (to_layer == layer && to_owner != owner) {
                problems.push(format!(
                    "src/{path}:{}: {} (layer {layer}, {}) uses {} (layer {to_layer}, {}): {}",
                    import.line,
                    shown(module),
                    LAYERS[layer].0,
                    shown(&target),
                    LAYERS[to_layer].0,
                    if to_layer > layer {
                        "an import may only point down; move what both need to the lower layer"
                    } else {
                        "modules on one layer do not use each other; move what both need down a layer"
                    },
                ));
            }
        }
    }
    problems
}

fn shown(module: &[String]) -> String {
    if module.is_empty() {
        "lib.rs".to_string()
    } else {
        module.join("::")
    }
}

fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(&src)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_import_in_src_points_down_the_layers() {
    let files = sources();
    assert!(files.len() > 50, "src/ was not found");
    let problems = violations(&files);
    assert!(
        problems.is_empty(),
        "imports that break the layers of ARCHITECTURE.md:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_module_of_src_is_on_a_layer() {
    for (path, _) in sources() {
        let module = module_of(Path::new(&path));
        let top = module.first().map_or("", String::as_str);
        assert!(
            LAYERS.iter().any(|(_, modules)| modules.contains(&top)),
            "src/{path} is in no layer: add `{top}` to LAYERS here and to ARCHITECTURE.md"
        );
    }
}

/// The test itself finds an import up, one sideways, one in a `use` group
/// and one through `super::`, and nothing in comments or strings.
#[test]
fn an_import_up_or_sideways_is_named_with_its_file_line_and_layers() {
    let file = |path: &str, text: &str| (path.to_string(), text.to_string());
    let files = vec![
        file("lib.rs", "pub mod config;\n"),
        file("config/mod.rs", "mod sections;\nuse crate::diagnostics::Diagnostic;\n"),
        file(
            "config/sections.rs",
            "// crate::render::x in a comment\nconst S: &str = \"crate::check::y\";\nuse crate::{diagnostics, render::{urls::Target, theme}};\nfn f() { super::super::print::FOLDER; }\n",
        ),
        file("diagnostics.rs", "fn g() { crate::phone::parse(); }\n"),
        file("phone.rs", "use crate::layout::ASSETS;\n"),
        file("layout.rs", ""),
        file("render/mod.rs", "pub mod urls;\npub mod theme;\n"),
        file("render/urls.rs", ""),
        file("render/theme.rs", ""),
        file("print/mod.rs", "pub const FOLDER: &str = \"leaflets\";\n"),
    ];
    let problems = violations(&files);
    let expected = [
        "src/config/sections.rs:3: config::sections (layer 4, site.toml) uses render::urls (layer 7, render)",
        "src/config/sections.rs:3: config::sections (layer 4, site.toml) uses render::theme (layer 7, render)",
        "src/config/sections.rs:4: config::sections (layer 4, site.toml) uses print (layer 8, print)",
        "src/diagnostics.rs:1: diagnostics (layer 0, diagnostics as data) uses phone (layer 1, names and rules)",
        "src/phone.rs:1: phone (layer 1, names and rules) uses layout (layer 1, names and rules): modules on one layer",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{problem}\n  expected {expected}");
    }
}
