//! From the address a browser asks for to a file of the built site. The
//! preview serves from memory, so no request can reach the disk; this still
//! refuses anything that tries to climb out (`..`, encoded or not), so a
//! request that would escape a folder on a real server fails here too.

use percent_encoding::percent_decode_str;

/// Why a request has no file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The address is not one a page of the site could have.
    BadRequest,
}

/// The file of the site an address names: `/0-11/` is `0-11/index.html`.
pub fn file_for(url: &str) -> Result<String, Refused> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path)
        .decode_utf8()
        .map_err(|_| Refused::BadRequest)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Err(Refused::BadRequest);
    }
    let inside = &decoded[1..];
    if inside.split('/').any(|part| part == ".." || part == ".") || inside.starts_with('/') {
        return Err(Refused::BadRequest);
    }
    Ok(if inside.is_empty() || inside.ends_with('/') {
        format!("{inside}index.html")
    } else {
        inside.to_string()
    })
}

/// The type of a file, by its name.
pub fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_files() {
        assert_eq!(file_for("/"), Ok("index.html".into()));
        assert_eq!(file_for("/0-11/?x=1"), Ok("0-11/index.html".into()));
        assert_eq!(file_for("/assets/site.css"), Ok("assets/site.css".into()));
        assert_eq!(file_for("/my%20page/"), Ok("my page/index.html".into()));
    }

    #[test]
    fn climbing_out_is_refused() {
        for url in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2FCargo.toml",
            "/..%2fCargo.toml",
            "/0-11/../../Cargo.toml",
            "/..\\Cargo.toml",
            "/%5c..%5cCargo.toml",
            "//etc/passwd",
            "/%00",
            "/%ff",
            "Cargo.toml",
        ] {
            assert_eq!(file_for(url), Err(Refused::BadRequest), "{url}");
        }
    }
}
