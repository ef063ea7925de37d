//! The installer (`install.sh`) as a council's computer runs it: it fetches
//! the archive for this machine from a release, checks it against the
//! release's SHA-256 sums, and installs only what checks out.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};

/// The archive name the installer asks for on this machine.
fn target() -> String {
    let system = if cfg!(target_os = "macos") {
        "apple-darwin"
    } else {
        "unknown-linux-musl"
    };
    format!("{}-{system}", std::env::consts::ARCH)
}

/// Serves the files of `folder` on 127.0.0.1 until the test ends, as a
/// release's downloads; returns its address.
fn serve(folder: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // Read the rest of the request's head before answering.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/');
            let mut stream = &stream;
            let _ = match std::fs::read(folder.join(path)) {
                Ok(bytes) if !path.contains("..") => write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    bytes.len()
                )
                .and_then(|()| stream.write_all(&bytes)),
                _ => write!(
                    stream,
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                ),
            };
        }
    });
    address
}

/// A release of this build: its archive for this machine and the sums,
/// with `sums` given the archive's SHA-256 and returning the file's text.
fn release(dir: &Path, sums: impl Fn(&str) -> String) -> String {
    let release = dir.join("release");
    let name = format!("promise-{}", target());
    let inside = dir.join("packing").join(&name);
    std::fs::create_dir_all(&inside).unwrap();
    std::fs::create_dir_all(&release).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_promise"), inside.join("promise")).unwrap();
    let archive = release.join(format!("{name}.tar.gz"));
    let packed = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.join("packing"))
        .arg(&name)
        .status()
        .unwrap();
    assert!(packed.success());
    let digest: String = Sha256::digest(std::fs::read(&archive).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(release.join("SHA256SUMS"), sums(&digest)).unwrap();
    serve(release)
}

fn install(from: &str, into: &Path, home: &Path) -> Output {
    Command::new("sh")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("install.sh"))
        .env("PROMISE_FROM", from)
        .env("PROMISE_INSTALL", into)
        .env("HOME", home)
        .output()
        .unwrap()
}

#[test]
fn the_installer_installs_the_archive_the_sums_vouch_for() {
    let dir = tempfile::tempdir().unwrap();
    let from = release(dir.path(), |digest| {
        format!("{digest}  promise-{}.tar.gz\n0000  other.zip\n", target())
    });
    let into = dir.path().join("bin");
    let out = install(&from, &into, dir.path());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    let version = Command::new(into.join("promise")).arg("--version").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout);
    assert!(
        version.starts_with(&format!("promise {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    assert!(said.contains(&format!("Installed {}", version.trim())), "{said}");
    assert!(said.contains("is not on your PATH"), "{said}");
}

#[test]
fn the_installer_refuses_an_archive_the_sums_do_not_vouch_for() {
    let dir = tempfile::tempdir().unwrap();
    let from = release(dir.path(), |digest| {
        let wrong: String = digest.chars().rev().collect();
        format!("{wrong}  promise-{}.tar.gz\n", target())
    });
    let into = dir.path().join("bin");
    let out = install(&from, &into, dir.path());
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("is not the file the release lists"), "{said}");
    assert!(said.contains("Nothing was installed."), "{said}");
    assert!(!into.join("promise").exists());

    // Nor is anything fetched in the clear from another computer.
    let out = install("http://downloads.example", &into, dir.path());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an https address"));
    assert!(!into.exists() || !into.join("promise").exists());
}
