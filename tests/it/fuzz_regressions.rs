//! Inputs the cargo-fuzz targets in `fuzz/` crashed on, kept so that their fixes stay fixed.
//! Each runs through the same library code as its target and must not panic (nor break the
//! target's invariants). Byte-input targets keep the crash file as it was found; the
//! structured `verify_diagnose` target keeps the decoded case as JSON (printed by the target
//! with HOOKCHECK_FUZZ_DUMP=1), which does not depend on how the target decodes its bytes.

use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hookcheck::scheme::registry;
use hookcheck::{
    Delivery, Headers, Key, Keys, Options, Outcome, PublicKey, Scheme, Secret, Tolerance,
};

/// Every file in `tests/data/fuzz/<target>/`, with its name; none when the target has none.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The one place these tests call verify and build keys (as in the fuzz target); no scheme
/// means auto-detection, and None back means it chose none.
fn check(
    scheme: Option<&Scheme>,
    delivery: &Delivery,
    keys: &[Vec<u8>],
    now: i64,
    tolerance: Option<u64>,
    diagnose: bool,
) -> Option<Outcome> {
    // Each key is of the kind the scheme takes: public keys never key an HMAC.
    let keys: Keys = keys
        .iter()
        .map(|k| {
            if scheme.is_some_and(|s| s.algorithm.is_asymmetric()) {
                Key::Public(PublicKey::new(k.clone()))
            } else {
                Key::Secret(Secret::new(k.clone()))
            }
        })
        .collect();
    let mut options = Options::at(now);
    if let Some(seconds) = tolerance {
        options.tolerance = Tolerance::Seconds(seconds);
    }
    options.diagnose = diagnose;
    let scheme = match scheme {
        Some(scheme) => scheme,
        None => hookcheck::autodetect::resolve(delivery, &keys, &options).scheme?,
    };
    Some(hookcheck::check(scheme, delivery, &keys, &options))
}

#[test]
fn verify_diagnose() {
    let cases = inputs("verify_diagnose");
    assert!(!cases.is_empty());
    for (name, bytes) in cases {
        let case: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let text = |field: &str| case[field].as_str().map(str::to_owned);
        let b64 = |v: &serde_json::Value| STANDARD.decode(v.as_str().unwrap()).unwrap();
        let scheme = match case["provider"].as_str().unwrap() {
            "auto" => None,
            name => Some(registry::find(name).unwrap()),
        };
        let mut headers = Headers::new();
        for pair in case["headers"].as_array().unwrap() {
            headers.push(pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        }
        let mut delivery = Delivery::new(headers, b64(&case["body_base64"]));
        delivery.url = text("url");
        delivery.method = text("method");
        let keys: Vec<Vec<u8>> = case["keys_base64"]
            .as_array()
            .unwrap()
            .iter()
            .map(b64)
            .collect();
        let now = case["now"].as_i64().unwrap();
        let tolerance = case["tolerance"].as_u64();
        let with = check(scheme, &delivery, &keys, now, tolerance, true);
        let without = check(scheme, &delivery, &keys, now, tolerance, false);
        assert_eq!(with.is_some(), without.is_some(), "{name}");
        let (Some(with), Some(without)) = (with, without) else {
            continue;
        };
        assert_eq!(with.verified, without.verified, "{name}");
        let _ = hookcheck::report::human::render(&with);
        let json = hookcheck::report::json::render(&with);
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "{name}: {json}"
        );
    }
}

/// As the `scheme_toml` target: load, render back and reload, then check and diagnose a
/// delivery with the scheme.
#[test]
fn scheme_toml() {
    let files = inputs("scheme_toml");
    assert!(!files.is_empty());
    for (name, bytes) in files {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let Ok(scheme) = hookcheck::scheme::custom::parse(&name, text) else {
            continue;
        };
        let rendered = hookcheck::scheme::custom::to_toml(&scheme);
        let back = hookcheck::scheme::custom::parse("rendered.toml", &rendered).unwrap();
        assert_eq!(back, scheme, "{name}");
        let mut headers = Headers::new();
        for header in &scheme.signature.headers {
            headers.push(header.clone(), "sha256=0011,t=1700000000,v1=aa");
        }
        if let Some(header) = scheme.timestamp.as_ref().and_then(|t| t.header.as_ref()) {
            headers.push(header.clone(), "1700000000");
        }
        for header in &scheme.id_headers {
            headers.push(header.clone(), "id-1");
        }
        let mut delivery = Delivery::new(headers, &b"{\"a\":1}"[..]);
        delivery.url = Some("https://example.test/hook?x=1".to_owned());
        delivery.method = Some("POST".to_owned());
        let start = std::time::Instant::now();
        let _ = check(
            Some(&scheme),
            &delivery,
            &[b"secret".to_vec()],
            1_700_000_000,
            None,
            true,
        );
        // Generous for a debug build on a busy machine; before the fix this ran for minutes.
        assert!(
            start.elapsed().as_secs() < 20,
            "{name}: {:?}",
            start.elapsed()
        );
    }
}
