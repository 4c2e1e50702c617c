//! URL helpers for signed content: one split of a URL into scheme, authority and target, the
//! path a template signs, its percent-encoded form, and the other port forms SDKs accept.

/// A URL cut at the seams signed forms need: `scheme://authority` then the rest as sent (path,
/// query, fragment). The authority ends at the first `/`, `?` or `#` (RFC 3986 section 3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// `https`; None when the URL has no `://` (then all of it is authority and rest).
    pub scheme: Option<&'a str>,
    /// `user@host:port`.
    pub authority: &'a str,
    /// `/path?query#fragment`, possibly empty.
    pub rest: &'a str,
}

impl<'a> UrlParts<'a> {
    pub fn split(url: &'a str) -> UrlParts<'a> {
        let (scheme, after) = match url.split_once("://") {
            Some((scheme, after)) => (Some(scheme), after),
            None => (None, url),
        };
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        UrlParts {
            scheme,
            authority,
            rest,
        }
    }

    /// The request target (origin form): `/` when the URL has no path, `/?q` for a bare query.
    pub fn target(&self) -> String {
        if self.rest.is_empty() {
            "/".to_owned()
        } else if self.rest.starts_with('/') {
            self.rest.to_owned()
        } else {
            format!("/{}", self.rest)
        }
    }
}

/// The port a URL scheme implies, as it is written after the host.
pub fn default_port(scheme: &str) -> &'static str {
    if scheme.eq_ignore_ascii_case("https") {
        ":443"
    } else {
        ":80"
    }
}

/// `https://h/a/b?c=1` → `/a/b?c=1`.
pub fn url_path(url: &str) -> String {
    UrlParts::split(url).target()
}

/// @contentful/node-apps-toolkit `getNormalizedEncodedURI`: the query (up to a second `?`) goes
/// through `querystring.escape`, then the whole through `encodeURI`.
pub fn encoded_path(path: &str) -> String {
    fn escape(text: &str, keep: &[u8]) -> String {
        let mut out = String::with_capacity(text.len());
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() || keep.contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    const COMPONENT: &[u8] = b"-_.!~*'()";
    const URI: &[u8] = b"-_.!~*'();,/?:@&=+$#";
    let mut pieces = path.split('?');
    let pathname = pieces.next().unwrap_or("");
    let search = pieces.next().unwrap_or("");
    let whole = if search.is_empty() {
        pathname.to_owned()
    } else {
        format!("{pathname}?{}", escape(search, COMPONENT))
    };
    escape(&whole, URI)
}

/// The other URL Twilio's validators try (twilio-python request_validator.py `remove_port` /
/// `add_port`): any port removed (`https://h:1234/p` → `https://h/p`), or, without a port, the
/// scheme's default added (`https://h/p` → `https://h:443/p`). `user:pass@` stays as it is.
pub fn other_port_form(url: &str) -> Option<String> {
    let UrlParts {
        scheme,
        authority,
        rest: tail,
    } = UrlParts::split(url);
    let scheme = scheme?;
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => authority.split_at(at + 1),
        None => ("", authority),
    };
    // A port is what follows the last `:` outside an IPv6 literal's brackets.
    let port_at = hostport
        .rfind(':')
        .filter(|&i| !hostport[i..].contains(']'))
        .filter(|&i| hostport[i + 1..].bytes().all(|b| b.is_ascii_digit()));
    Some(match port_at {
        Some(i) => format!("{scheme}://{userinfo}{}{tail}", &hostport[..i]),
        None => format!("{scheme}://{authority}{}{tail}", default_port(scheme)),
    })
}
