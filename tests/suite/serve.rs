//! `promise serve` as a participation officer uses it: edit, save, and see
//! the page change; break the content and see what to fix; and nothing
//! outside the site can be fetched.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a build may take to show before a test fails: a bound for a
/// preview that hangs, not a measure of speed (that is in benches/). The
/// first build typesets 12 leaflets, which on 2 busy cores took over 20 s.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running preview, stopped when dropped.
struct Preview {
    child: Child,
    address: String,
    /// Everything it has printed so far.
    printed: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl Preview {
    /// A preview of the pages only, the quickest to start.
    fn start() -> Preview {
        Preview::start_with(&["--no-leaflets"])
    }

    fn start_with(args: &[&str]) -> Preview {
        let dir = common::copy_of_example();
        let mut child = Command::new(env!("CARGO_BIN_EXE_promise"))
            .args(["serve", "--port", "0", "--today", "2026-11-22"])
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let printed = Arc::new(Mutex::new(Vec::new()));
        let (found, address) = std::sync::mpsc::channel();
        {
            let printed = Arc::clone(&printed);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Some(at) = line.find("http://") {
                        let _ = found.send(line[at..].trim_end_matches('/').to_string());
                    }
                    printed.lock().unwrap().push(line);
                }
            });
        }
        let address = address.recv_timeout(PATIENCE).expect("the preview prints its address");
        Preview {
            child,
            address,
            printed,
            _dir: dir,
        }
    }

    fn content(&self) -> &Path {
        self._dir.path()
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.content().join("content").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    /// The status and body of a GET of `path`, sent exactly as written.
    fn get(&self, path: &str) -> (u16, String) {
        let host = self.address.trim_start_matches("http://");
        let mut stream = TcpStream::connect(host).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Asks for `path` until `ok` holds, or fails the test.
    fn until(&self, path: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return body;
            }
            assert!(started.elapsed() < PATIENCE, "{path} never changed: {status} {body}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn builds(&self) -> usize {
        let printed = self.printed.lock().unwrap();
        printed
            .iter()
            .filter(|l| l.starts_with("Built in") || l.starts_with("The content has"))
            .count()
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_saved_change_shows_and_the_page_is_told_to_reload() {
    let preview = Preview::start();
    let (status, page) = preview.get("/0-11/keeping-safe/");
    assert_eq!(status, 200);
    assert!(page.contains("We will find you a safe and happy home."));
    assert!(
        page.contains("/__promise/preview.js"),
        "the reload script is in the preview"
    );
    assert!(
        page.contains("class=\"promise-preview\""),
        "the preview bar is on the page"
    );
    assert_eq!(
        preview.get("/__promise/wait?v=0").1,
        "1",
        "a page that missed a build hears at once"
    );

    let waiting = {
        let address = preview.address.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let host = address.trim_start_matches("http://").to_string();
            let mut stream = TcpStream::connect(&host).unwrap();
            write!(stream, "GET /__promise/wait?v=1 HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
            let mut text = String::new();
            stream.read_to_string(&mut text).unwrap();
            (text.ends_with("\r\n\r\n2"), started.elapsed())
        })
    };
    std::thread::sleep(Duration::from_millis(200));
    preview.edit(
        "promises/0-11/keeping-safe.md",
        "safe and happy home",
        "safe, warm and happy home",
    );
    let (told, after) = waiting.join().unwrap();
    assert!(told, "the waiting page hears of build 2");
    assert!(after < PATIENCE, "{after:?}");
    let page = preview.until("/0-11/keeping-safe/", |_, body| {
        body.contains("safe, warm and happy home")
    });
    assert!(page.contains("data-version=\"2\""));
}

#[test]
fn a_saved_promise_typesets_again_only_its_bands_leaflets() {
    let preview = Preview::start_with(&[]);
    let (status, leaflet) = preview.get("/leaflets/0-11.pdf");
    assert_eq!(status, 200);
    assert!(leaflet.starts_with("%PDF-"));
    let said = |build: usize| {
        preview
            .printed
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with("Built in"))
            .nth(build)
            .cloned()
    };
    assert!(said(0).unwrap().contains(", typesetting 16 leaflets"), "{:?}", said(0));
    preview.edit(
        "promises/0-11/keeping-safe.md",
        "safe and happy home",
        "safe, warm and happy home",
    );
    let started = Instant::now();
    let second = loop {
        if let Some(line) = said(1) {
            break line;
        }
        assert!(started.elapsed() < PATIENCE, "no second build");
        std::thread::sleep(Duration::from_millis(50));
    };
    // The band's leaflet and its large print; the other ten were kept.
    assert!(second.contains("keeping-safe.md, typesetting 2 leaflets"), "{second}");
}

#[test]
fn several_saves_at_once_give_one_build() {
    let preview = Preview::start();
    assert_eq!(preview.builds(), 1);
    preview.edit("pages/about.md", "title:", "title: New");
    preview.edit("pages/privacy.md", "title:", "title: New");
    preview.edit("pages/contacts.md", "title:", "title: New");
    preview.until("/__promise/wait?v=1", |_, body| body == "2");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(preview.builds(), 2, "{:?}", preview.printed.lock().unwrap());
}

#[test]
fn errors_show_in_place_of_the_page_and_the_preview_recovers() {
    let preview = Preview::start();
    preview.edit("promises/0-11/keeping-safe.md", "order: 1", "order: first");
    let page = preview.until("/0-11/keeping-safe/", |status, _| status == 500);
    assert!(page.contains("The preview cannot show the site yet"), "{page}");
    assert!(
        page.contains("promises/0-11/keeping-safe.md:3:"),
        "the file and line: {page}"
    );
    assert!(page.contains("/__promise/preview.js"), "the error page reloads itself");
    preview.edit("promises/0-11/keeping-safe.md", "order: first", "order: 1");
    preview.until("/0-11/keeping-safe/", |status, _| status == 200);
}

#[test]
fn findings_are_shown_on_the_page_they_are_about() {
    let preview = Preview::start();
    preview.edit(
        "promises/0-11/keeping-safe.md",
        "safe and happy home",
        "safe and happy placement",
    );
    let page = preview.until("/0-11/keeping-safe/", |_, body| {
        body.contains("class=\"promise-findings\"")
    });
    assert!(
        page.contains("<strong>promises/0-11/keeping-safe.md line 9</strong>: &quot;placement&quot; is on the list of words to avoid"),
        "{page}"
    );
    assert!(
        page.contains("\"text\":\"placement\""),
        "the script is told which words to mark"
    );
}

#[test]
fn nothing_outside_the_site_can_be_fetched() {
    let preview = Preview::start();
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/..%2fCargo.toml",
        "/0-11/../../Cargo.toml",
        "/%2e%2e%5cCargo.toml",
        "/../content/site.toml",
        "//etc/passwd",
        "/site.toml",
        "/content/site.toml",
    ] {
        let (status, body) = preview.get(path);
        assert!(status == 400 || status == 404, "{path} gave {status}");
        assert!(
            !body.contains("[package]") && !body.contains("base_url"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn a_request_no_browser_would_send_is_refused_and_the_preview_carries_on() {
    let preview = Preview::start();
    let host = preview.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let cookie = "a".repeat(10 * 1024 * 1024);
    // Refused before it is all sent: the rest may not go.
    let _ = write!(stream, "GET / HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\r\n");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 431 "), "{}", &reply[..reply.len().min(300)]);
    let (status, page) = preview.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("<html"), "{page}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_cleanly() {
    let mut preview = Preview::start();
    let pid = preview.child.id().to_string();
    // The shell's own kill, so the test needs no other package.
    let sent = Command::new("sh")
        .args(["-c", &format!("kill -INT {pid}")])
        .status()
        .unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = preview.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < PATIENCE, "it did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        preview
            .printed
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.starts_with("Stopped the preview"))
    );
    let left: Vec<String> = std::fs::read_dir(preview.content())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["content"], "nothing written beside the content");
}
