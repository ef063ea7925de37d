//! The default theme and the example site are compiled into the binary;
//! rebuild it whenever either changes. `promise --version` names the commit
//! it was built from, so a council can say exactly which build it runs; and
//! what a build keeps for the next (typeset leaflets) is marked with a digest
//! of the source, so a changed promise never uses what an older one made.
use std::hash::{DefaultHasher, Hasher};
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut source = DefaultHasher::new();
    for folder in ["src", "themes"] {
        digest(Path::new(folder), &mut source);
    }
    source.write(&std::fs::read("Cargo.lock").unwrap_or_default());
    println!("cargo:rustc-env=PROMISE_SOURCE={:016x}", source.finish());
    println!("cargo:rerun-if-env-changed=PROMISE_COMMIT");
    // A new commit moves HEAD or the branch it names.
    for git in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(git).exists() {
            println!("cargo:rerun-if-changed={git}");
        }
    }
    // A release build may be given the commit; a copy without its history
    // (a source archive) has none to name.
    let commit = std::env::var("PROMISE_COMMIT").ok().or_else(|| {
        let out = Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    let version = env!("CARGO_PKG_VERSION");
    let long = match commit.filter(|c| !c.is_empty()) {
        Some(commit) => format!("{version} (commit {commit})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=PROMISE_VERSION={long}");
}

/// Adds every file under `folder`, by name and contents, in name order.
fn digest(folder: &Path, into: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            digest(&path, into);
        } else {
            into.write(path.to_string_lossy().as_bytes());
            into.write(&std::fs::read(&path).unwrap_or_default());
        }
    }
}
