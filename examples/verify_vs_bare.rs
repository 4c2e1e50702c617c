//! In-process `verify` of a 2 KiB GitHub delivery against a bare HMAC + hex loop, interleaved:
//! rounds of each alternate and the fastest round of each counts, so that other load on the
//! machine (which criterion's separate runs pick up as differences) cancels out.
//!
//! `cargo run --release --example verify_vs_bare`

use std::hint::black_box;
use std::time::Instant;

use hmac::{KeyInit, Mac};
use hookcheck::scheme::registry;
use hookcheck::{Delivery, Headers, Keys, Options, Secret, verifies, verify};

fn main() {
    // The first call builds the built-in registry (what every process pays once).
    let start = Instant::now();
    let schemes = registry::all().len();
    println!(
        "registry: {schemes} schemes built in {:.0} µs",
        start.elapsed().as_secs_f64() * 1e6
    );
    let secret = "bench-secret";
    let body: Vec<u8> =
        format!(r#"{{"action":"opened","pad":"{}"}}"#, "x".repeat(2000)).into_bytes();
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(&body);
    let header = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    let mut headers = Headers::new();
    headers.push("X-Hub-Signature-256", header.clone());
    headers.push("X-GitHub-Event", "issues");
    let delivery = Delivery::new(headers, body);
    let github = registry::find("github").unwrap();
    let keys = Keys::from(Secret::new(secret));
    let options = Options {
        diagnose: false,
        ..Options::at(0)
    };
    let bare = || {
        let d = black_box(&delivery);
        let mut mac =
            <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(&d.body);
        let computed = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
        assert!(hookcheck::mac::same(
            computed.as_bytes(),
            black_box(&header).as_bytes()
        ));
    };
    let full = || assert!(verify(github, black_box(&delivery), &keys, &options).verified);
    let verdict = || assert!(verifies(github, black_box(&delivery), &keys, &options));
    let round = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..2000 {
            f();
        }
        start.elapsed().as_secs_f64() / 2000.0
    };
    let (mut b, mut v, mut o) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..150 {
        b = b.min(round(&bare));
        v = v.min(round(&full));
        o = o.min(round(&verdict));
    }
    println!("bare hmac + hex   {:.3} µs", b * 1e6);
    println!(
        "verify            {:.3} µs  ({:.2}x the bare loop's speed)",
        v * 1e6,
        b / v
    );
    println!("verifies (verdict) {:.3} µs ({:.2}x)", o * 1e6, b / o);
}
