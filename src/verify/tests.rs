//! The engine's unit tests.

/// `verifies` is `verify(..).verified` without the report: the same verdict on every
/// fixture case, at its own time and at times outside any window.
#[test]
fn verdict_alone_equals_the_full_check() {
    use super::{Options, verifies, verify};
    use crate::input::{Key, PublicKey, request};
    use crate::input::{Keys, Secret};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (mut checked, mut passed) = (0, 0);
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let Ok(text) = std::fs::read_to_string(dir.join("cases.json")) else {
            continue;
        };
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        for case in cases {
            let name = case["provider"]
                .as_str()
                .or_else(|| dir.file_name().and_then(|n| n.to_str()));
            let Some(scheme) = name.and_then(crate::scheme::registry::find) else {
                continue;
            };
            let Ok(bytes) = std::fs::read(dir.join(case["request"].as_str().unwrap())) else {
                continue;
            };
            let Ok(capture) = request::parse(&bytes) else {
                continue;
            };
            let mut delivery = capture.into_delivery().0;
            if let Some(url) = case["url"].as_str() {
                delivery.url = Some(url.to_owned());
            }
            let mut keys = Keys::new();
            if let Some(file) = case["secret"].as_str() {
                let bytes = std::fs::read(dir.join(file)).unwrap();
                keys.push(Key::Secret(Secret::from_file_bytes(bytes)));
            }
            if let Some(file) = case["public_key"].as_str() {
                let bytes = std::fs::read(dir.join(file)).unwrap();
                keys.push(Key::Public(PublicKey::from_file_bytes(bytes)));
            }
            let now = case["now"].as_i64().unwrap_or(0);
            for at in [now, now + 100_000, now - 100_000, 0] {
                let options = Options {
                    diagnose: false,
                    ..Options::at(at)
                };
                let full = verify(scheme, &delivery, &keys, &options).verified;
                assert_eq!(
                    verifies(scheme, &delivery, &keys, &options),
                    full,
                    "{} at {at}",
                    dir.join(case["request"].as_str().unwrap()).display()
                );
                checked += 1;
                passed += usize::from(full);
            }
        }
    }
    assert!(
        checked > 1000 && passed > 200,
        "{checked} checks, {passed} passed"
    );
}

use super::timestamp::{iso8601_seconds, rfc3339_seconds};
use crate::canonical::form::sorted_form;
use crate::canonical::url::{encoded_path, other_port_form};

#[test]
fn iso8601_times_without_offset_are_utc() {
    // orb-billing 4.90.0 resources/webhooks/webhooks.py verify_signature: fromisoformat,
    // then a naive time is taken as UTC.
    assert_eq!(
        iso8601_seconds("2025-11-23T12:00:00.123456"),
        Some(1_763_899_200)
    );
    assert_eq!(iso8601_seconds("2025-11-23T12:00:00"), Some(1_763_899_200));
    assert_eq!(
        iso8601_seconds("2025-11-23T14:00:00+02:00"),
        Some(1_763_899_200)
    );
    for bad in [
        "2025-11-23",
        "2025-11-23T12:00:00.",
        "2025-11-23T12:00:00+02",
        "now",
    ] {
        assert_eq!(iso8601_seconds(bad), None, "{bad}");
    }
}

#[test]
fn twilio_port_forms() {
    // twilio-python tests/unit/test_request_validator.py: any port is removed, a missing
    // one is added as the scheme's default, credentials are kept.
    let f = |u: &str| other_port_form(u).unwrap();
    assert_eq!(f("https://h.com:1234/a?x=1"), "https://h.com/a?x=1");
    assert_eq!(f("http://h.com:1234/a"), "http://h.com/a");
    assert_eq!(f("https://h.com/a?x=1"), "https://h.com:443/a?x=1");
    assert_eq!(f("http://h.com"), "http://h.com:80");
    assert_eq!(f("https://u:p@h.com/a"), "https://u:p@h.com:443/a");
    assert_eq!(f("https://u:p@h.com:8443/a"), "https://u:p@h.com/a");
    assert_eq!(f("https://[::1]/a"), "https://[::1]:443/a");
    assert_eq!(f("https://[::1]:8443/a"), "https://[::1]/a");
}

#[test]
fn repeated_form_values_count_once() {
    assert_eq!(sorted_form(b"a=2&b=1&a=1&a=1"), b"a1a2b1");
}

#[test]
fn contentful_encoded_paths() {
    // node: encodeURI(pathname + "?" + querystring.escape(search)), as the toolkit does
    assert_eq!(
        encoded_path("/api/resources?q=1&w=2"),
        "/api/resources?q%253D1%2526w%253D2"
    );
    assert_eq!(
        encoded_path("/café/ü?x=é ü&y=a/b"),
        "/caf%C3%A9/%C3%BC?x%253D%25C3%25A9%2520%25C3%25BC%2526y%253Da%252Fb"
    );
    assert_eq!(encoded_path("/a b?c?d"), "/a%20b?c");
    assert_eq!(encoded_path("/webhooks/contentful"), "/webhooks/contentful");
}

#[test]
fn rfc3339_times() {
    // date -u -d 2025-11-23T12:00:00Z +%s
    assert_eq!(rfc3339_seconds("2025-11-23T12:00:00Z"), Some(1_763_899_200));
    assert_eq!(
        rfc3339_seconds("2025-11-23T12:00:00.123456789Z"),
        Some(1_763_899_200)
    );
    assert_eq!(
        rfc3339_seconds("2025-11-23T14:00:00+02:00"),
        Some(1_763_899_200)
    );
    assert_eq!(rfc3339_seconds("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(rfc3339_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
    for bad in [
        "1763899200",
        "2025-13-01T00:00:00Z",
        "2025-11-23T12:00:00",
        "2025-11-23T12:00:00.Z",
    ] {
        assert_eq!(rfc3339_seconds(bad), None, "{bad}");
    }
}
