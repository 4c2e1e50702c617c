//! URL helpers for signed content: the path a template signs, its percent-encoded form, and the
//! other port form some SDKs accept.

/// `https://h/a/b?c=1` → `/a/b?c=1`.
pub fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_owned(),
        None => "/".to_owned(),
    }
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
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
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
        None => {
            let port = if scheme.eq_ignore_ascii_case("https") {
                ":443"
            } else {
                ":80"
            };
            format!("{scheme}://{authority}{port}{tail}")
        }
    })
}
