//! `promise serve`: a live preview for the participation team. The site,
//! leaflets and all, is built into memory (never into `public/`, and nothing
//! is left on disk), served on this computer only, and built again whenever
//! a content file is saved; open pages reload by themselves.

mod http;
mod paths;
mod preview;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use jiff::civil::Date;
use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::Options;
use http::{Reply, Request};
use preview::Snapshot;

/// Saves closer together than this give one build.
const SETTLE: Duration = Duration::from_millis(40);
/// How long a page's wait for the next build is held open.
const WAIT: Duration = Duration::from_secs(25);
/// How many ports after the asked-for one to try when it is taken.
const PORTS_TO_TRY: u16 = 20;

/// How to run the preview.
#[derive(Debug, Clone)]
pub struct Settings {
    pub content: PathBuf,
    /// 0 lets the computer choose a free port.
    pub port: u16,
    pub bind: IpAddr,
    /// Open the preview in the browser once it is ready.
    pub open: bool,
    pub today: Date,
    /// Make the leaflets too.
    pub leaflets: bool,
}

/// The latest build, and a signal for the pages waiting for the next one.
struct Shared {
    snapshot: Mutex<Arc<Snapshot>>,
    changed: Condvar,
}

impl Shared {
    fn latest(&self) -> Option<Arc<Snapshot>> {
        self.snapshot.lock().ok().map(|s| Arc::clone(&s))
    }
}

/// Runs the preview until Ctrl-C. Returns why it could not start.
pub fn serve(settings: &Settings) -> Result<(), String> {
    if !settings.content.join(crate::layout::SITE_TOML).is_file() {
        return Err(format!(
            "there is no site.toml in {}; give the content folder with --content",
            settings.content.display()
        ));
    }
    let (listener, address) = listen(settings.bind, settings.port)?;
    let url = format!("http://{address}/");
    // Pictures and leaflets are kept in memory: a save makes again only
    // what it changed.
    let options = Options {
        base_url: Some(url.clone()),
        today: settings.today,
        leaflets: settings.leaflets,
        ..Options::default()
    };
    let first = Snapshot::build(&settings.content, &options, 1);
    report(&first, None);
    let shared = Arc::new(Shared {
        snapshot: Mutex::new(Arc::new(first)),
        changed: Condvar::new(),
    });

    let (saved, saves) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher =
        notify::recommended_watcher(saved).map_err(|e| format!("cannot watch the content folder: {e}"))?;
    watcher
        .watch(&settings.content, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", settings.content.display()))?;
    let rebuilder = {
        let shared = Arc::clone(&shared);
        let content = settings.content.clone();
        thread::spawn(move || rebuild_on_save(&saves, &shared, &content, &options))
    };

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .map_err(|e| format!("cannot listen for Ctrl-C: {e}"))?;
    }
    if !settings.bind.is_loopback() {
        eprintln!(
            "warning: the preview can be seen by anyone who can reach {address}; it may show content that is not ready to publish"
        );
    }
    println!("Previewing {} at {url}", settings.content.display());
    println!("Save a file and the page updates by itself. Press Ctrl-C to stop.");
    if settings.open
        && let Err(e) = opener::open_browser(&url)
    {
        eprintln!("warning: cannot open the browser ({e}); open {url} yourself");
    }

    {
        let shared = Arc::clone(&shared);
        let content = settings.content.clone();
        // It accepts until the program ends.
        thread::spawn(move || http::accept(&listener, move |request| answer(request, &shared, &content)));
    }
    while !stop.load(Ordering::SeqCst) {
        thread::sleep(Duration::from_millis(100));
    }
    // Dropping the watcher ends the rebuild thread.
    drop(watcher);
    let _ = rebuilder.join();
    println!("Stopped the preview. Nothing was written to disk.");
    Ok(())
}

/// Listens on `port` of `bind`, or the next free port after it.
fn listen(bind: IpAddr, port: u16) -> Result<(std::net::TcpListener, SocketAddr), String> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORTS_TO_TRY)
    };
    for port in port..=last {
        if let Some(found) = http::listen(SocketAddr::new(bind, port)) {
            return Ok(found);
        }
    }
    Err(format!(
        "ports {port} to {last} on {bind} are all in use; choose another with --port"
    ))
}

/// The files a change to the content touched; reading a file (as every
/// build does) is not a change.
fn changed_files(event: notify::Result<Event>) -> Vec<PathBuf> {
    match event {
        Ok(event) if !matches!(event.kind, EventKind::Access(_)) => event.paths,
        _ => Vec::new(),
    }
}

/// Builds again after each burst of saves, until the watcher stops.
fn rebuild_on_save(saves: &mpsc::Receiver<notify::Result<Event>>, shared: &Shared, content: &Path, options: &Options) {
    // The watcher names files by their full path; the terminal shows them
    // from the content folder.
    let root = std::fs::canonicalize(content).unwrap_or_else(|_| content.to_path_buf());
    while let Ok(first) = saves.recv() {
        let mut changed = changed_files(first);
        if changed.is_empty() {
            continue;
        }
        // An editor saving several files, or one file in several steps,
        // gives one build once the saves settle.
        while let Ok(more) = saves.recv_timeout(SETTLE) {
            changed.extend(changed_files(more));
        }
        let version = shared.latest().map_or(1, |s| s.version + 1);
        let snapshot = Snapshot::build(content, options, version);
        let first_change = changed
            .first()
            .map(|p| p.strip_prefix(&root).unwrap_or(p).to_path_buf());
        report(&snapshot, first_change.as_deref());
        if let Ok(mut current) = shared.snapshot.lock() {
            *current = Arc::new(snapshot);
        }
        shared.changed.notify_all();
    }
}

/// One line on the terminal for each build.
fn report(snapshot: &Snapshot, changed: Option<&Path>) {
    let ms = snapshot.took.as_millis();
    let mut after = changed.map_or(String::new(), |p| format!(" after a change to {}", p.display()));
    match snapshot.typeset {
        0 => {}
        1 => after.push_str(", typesetting 1 leaflet"),
        n => after.push_str(&format!(", typesetting {n} leaflets")),
    }
    match snapshot.counts() {
        (0, 0) => println!("Built in {ms} ms{after}."),
        (0, w) => println!("Built in {ms} ms{after}, with {w} warning(s): the pages show them."),
        (e, _) => println!("The content has {e} error(s){after}: the preview shows them until they are fixed."),
    }
}

fn answer(request: Request, shared: &Shared, content: &Path) {
    let url = request.path.clone();
    let reply = if preview::is_wait(&url) {
        let seen = preview::seen_version(&url);
        let version = shared
            .snapshot
            .lock()
            .ok()
            .and_then(|s| shared.changed.wait_timeout_while(s, WAIT, |s| s.version == seen).ok())
            .map_or(seen, |(s, _)| s.version);
        Reply::new(200, "text/plain; charset=utf-8", version.to_string())
    } else {
        match shared.latest() {
            Some(snapshot) => snapshot.reply(&url, content),
            None => Reply::new(
                500,
                "text/plain; charset=utf-8",
                "The preview stopped working; start it again.",
            ),
        }
    };
    request.respond(reply);
}
