//! The preview's side of HTTP: a browser's GET read with a limit on
//! everything the other end controls, and one reply on each connection.
//!
//! httparse reads the request. The rest is here because the small
//! blocking servers read a request head of any size (tiny_http's issue 56,
//! open since 2015): a preview on a shared network must not be made to
//! hold a header of gigabytes, or a connection that never finishes one.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The most a request's line and headers may take; browsers send a few
/// hundred bytes, and servers such as Node.js refuse more than this.
pub const MAX_HEAD: usize = 16 * 1024;
/// The most headers a request may have.
const MAX_HEADERS: usize = 64;
/// The most connections answered at once: each page open in a browser
/// holds one while it waits for the next build.
pub const MAX_CONNECTIONS: usize = 64;
/// How long the other end may take to send its whole request, or to read
/// each part of the reply.
const PATIENCE: Duration = Duration::from_secs(10);

/// What to send back for a request.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
        }
    }

    fn text(status: u16, words: &str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", words)
    }
}

/// A request that has been read whole, and the connection to answer it on.
pub struct Request {
    pub path: String,
    head_only: bool,
    stream: TcpStream,
    _slot: Slot,
}

impl Request {
    /// Sends the reply and closes the connection. The browser may have gone
    /// away: there is nobody to tell.
    pub fn respond(mut self, reply: Reply) {
        let _ = write_reply(&mut self.stream, &reply, self.head_only);
    }
}

/// Counts a connection as answered until it is dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Listens on `address`; `None` when it is taken or cannot be had.
pub fn listen(address: SocketAddr) -> Option<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(address).ok()?;
    let address = listener.local_addr().ok()?;
    Some((listener, address))
}

/// Accepts connections for ever, handing each request that is read whole to
/// `answer` on a thread of its own. A request that breaks a limit is
/// answered here and goes no further.
pub fn accept(listener: &TcpListener, answer: impl Fn(Request) + Clone + Send + 'static) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file handles, say: wait for some to be given back.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        let slot = Slot(Arc::clone(&open));
        let busy = open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS;
        let answer = answer.clone();
        std::thread::spawn(move || {
            let mut stream = stream;
            if stream.set_write_timeout(Some(PATIENCE)).is_err() {
                return;
            }
            if busy {
                let _ = write_reply(
                    &mut stream,
                    &Reply::text(503, "The preview is busy: close some of its tabs and try again."),
                    false,
                );
                return;
            }
            match read(&mut stream) {
                Ok((path, head_only)) => answer(Request {
                    path,
                    head_only,
                    stream,
                    _slot: slot,
                }),
                Err(Some(refusal)) => {
                    let _ = write_reply(&mut stream, &refusal, false);
                }
                Err(None) => {}
            }
        });
    }
}

/// Reads one request's head: its path and whether only the head of the
/// reply is wanted. A refusal to send back, or `None` when the other end
/// went quiet or away.
fn read(stream: &mut TcpStream) -> Result<(String, bool), Option<Reply>> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    // A byte at a time, slowly, is still the whole request in PATIENCE.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(None);
        }
        let n = stream.read(&mut chunk).map_err(|_| None)?;
        if n == 0 {
            return Err(None);
        }
        head.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&head) {
            Ok(httparse::Status::Complete(_)) => {
                let path = request.path.unwrap_or("/").to_string();
                return match request.method {
                    Some("GET") => Ok((path, false)),
                    Some("HEAD") => Ok((path, true)),
                    _ => Err(Some(Reply::text(405, "The preview only shows pages."))),
                };
            }
            Ok(httparse::Status::Partial) if head.len() <= MAX_HEAD => {}
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Err(Some(Reply::text(431, "The request's headers are too large.")));
            }
            Err(_) => return Err(Some(Reply::text(400, "This is not a request the preview understands."))),
        }
    }
}

fn write_reply(stream: &mut TcpStream, reply: &Reply, head_only: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{}Connection: close\r\n\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len(),
        if reply.status == 405 {
            "Allow: GET, HEAD\r\n"
        } else {
            ""
        },
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

/// The words that go with each status the preview sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{IpAddr, Ipv4Addr};

    /// A server that answers every request with its path, and what it sent
    /// back to `request`.
    fn exchange(request: &[u8]) -> String {
        let (listener, address) = listen(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0)).unwrap();
        std::thread::spawn(move || {
            accept(&listener, |request: Request| {
                let path = request.path.clone();
                request.respond(Reply::text(200, &path));
            })
        });
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        // A refused request may be answered before it has all been sent.
        let _ = stream.write_all(request);
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply);
        String::from_utf8_lossy(&reply).into_owned()
    }

    #[test]
    fn a_get_is_answered_with_its_path_and_closed() {
        let reply = exchange(b"GET /0-11/?x=1 HTTP/1.1\r\nHost: a\r\n\r\n");
        assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
        assert!(reply.contains("Connection: close\r\n"), "{reply}");
        assert!(reply.ends_with("\r\n\r\n/0-11/?x=1"), "{reply}");
        let head = exchange(b"HEAD / HTTP/1.0\r\n\r\n");
        assert!(
            head.contains("Content-Length: 1\r\n") && head.ends_with("\r\n\r\n"),
            "{head}"
        );
    }

    #[test]
    fn a_head_larger_than_the_limit_is_refused_unread() {
        let mut request = b"GET / HTTP/1.1\r\nCookie: ".to_vec();
        request.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
        let reply = exchange(&request);
        assert!(reply.starts_with("HTTP/1.1 431 "), "{}", &reply[..reply.len().min(200)]);
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..100 {
            many.extend(format!("X-{i}: 1\r\n").bytes());
        }
        many.extend(b"\r\n");
        assert!(exchange(&many).starts_with("HTTP/1.1 431 "));
    }

    #[test]
    fn only_pages_are_asked_for() {
        assert!(exchange(b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").starts_with("HTTP/1.1 405 "));
        assert!(exchange(b"\x16\x03\x01 hello\r\n\r\n").starts_with("HTTP/1.1 400 "));
    }
}
