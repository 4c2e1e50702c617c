//! Form bodies as signed: parameters sorted and de-duplicated (Twilio).

/// `a=2&b=1&a=1&a=1` → `a1a2b1`: names sorted, values sorted and de-duplicated within a name,
/// URL-decoded.
pub fn sorted_form(body: &[u8]) -> Vec<u8> {
    let text = body.trim_ascii();
    if text.starts_with(b"{") || text.starts_with(b"[") || !text.contains(&b'=') {
        return Vec::new();
    }
    let mut params: Vec<(String, String)> = form_urlencoded::parse(text)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    // A value repeated under one name counts once: Twilio's validators sign sorted(set(values))
    // (twilio-python request_validator.py compute_signature).
    params.dedup();
    params
        .into_iter()
        .flat_map(|(k, v)| [k, v])
        .collect::<String>()
        .into_bytes()
}
