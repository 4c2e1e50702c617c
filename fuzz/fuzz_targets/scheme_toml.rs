//! `--scheme FILE`: any text gives a validated scheme or an error; a scheme that loads renders
//! back to TOML that loads as the same scheme, and checking (and diagnosing) a delivery with it
//! does not panic and stays bounded.
#![no_main]

use hookcheck::scheme::custom;
use hookcheck::{Delivery, Headers, Keys, Options, Outcome, Scheme, Secret};
use libfuzzer_sys::fuzz_target;

/// The one place this target calls into verify and builds keys.
fn check(scheme: &Scheme, delivery: &Delivery, key: &[u8], now: i64) -> Outcome {
    let keys = Keys::from(Secret::new(key));
    // With the diagnosis: its template search is where a custom scheme costs the most.
    hookcheck::check(scheme, delivery, &keys, &Options::at(now))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scheme) = custom::parse("fuzz.toml", text) else {
        return;
    };
    let rendered = custom::to_toml(&scheme);
    let back = custom::parse("rendered.toml", &rendered)
        .unwrap_or_else(|e| panic!("a loaded scheme renders to TOML that fails: {e}\n{rendered}"));
    assert_eq!(back, scheme, "{rendered}");

    let mut headers = Headers::new();
    for name in &scheme.signature.headers {
        headers.push(name.clone(), "sha256=0011,t=1700000000,v1=aa");
    }
    if let Some(name) = scheme.timestamp.as_ref().and_then(|t| t.header.as_ref()) {
        headers.push(name.clone(), "1700000000");
    }
    for name in &scheme.id_headers {
        headers.push(name.clone(), "id-1");
    }
    let mut delivery = Delivery::new(headers, &b"{\"a\":1}"[..]);
    delivery.url = Some("https://example.test/hook?x=1".to_owned());
    delivery.method = Some("POST".to_owned());
    let _ = check(&scheme, &delivery, b"secret", 1_700_000_000);
});
