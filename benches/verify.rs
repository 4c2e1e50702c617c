//! Criterion benchmarks: verification throughput, raw HMAC throughput, and the diagnosis search
//! in its worst case (a wrong secret: every hypothesis is tried).
//!
//! `cargo bench` runs them; `cargo test --all-targets` runs each once, quickly, except the
//! 10 MiB diagnosis, which only runs under `cargo bench`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hookcheck::scheme::{Algorithm, registry};
use hookcheck::{Delivery, Headers, Keys, Options, Secret, check, verifies, verify};

/// A JSON body of about `size` bytes, shaped like a webhook event.
fn json_body(size: usize) -> Vec<u8> {
    let mut items = Vec::new();
    let mut len = 0;
    let mut i = 0;
    while len < size {
        let item = format!(
            r#"{{"id":{i},"name":"item {i} é","tags":["a","b"],"price":{}.5,"ok":true}}"#,
            i * 3
        );
        len += item.len() + 1;
        items.push(item);
        i += 1;
    }
    format!(r#"{{"action":"opened","items":[{}]}}"#, items.join(",")).into_bytes()
}

fn github_delivery(body: &[u8], secret: &str) -> Delivery {
    let digest = hookcheck::mac::digest(Algorithm::HmacSha256, secret.as_bytes(), &[body]).unwrap();
    let mut headers = Headers::new();
    headers.push(
        "X-Hub-Signature-256",
        format!("sha256={}", hex::encode(digest)),
    );
    headers.push("X-GitHub-Event", "issues");
    Delivery::new(headers, body.to_vec())
}

fn verify_small(c: &mut Criterion) {
    let github = registry::find("github").unwrap();
    let delivery = github_delivery(&json_body(2048), "bench-secret");
    let keys = Keys::from(Secret::new("bench-secret"));
    let options = Options {
        diagnose: false,
        ..Options::at(0)
    };
    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Elements(1));
    group.bench_function("github_2KiB", |b| {
        b.iter(|| assert!(verify(github, black_box(&delivery), &keys, &options).verified));
    });
    // The verdict alone, as `batch -q` asks for it.
    group.bench_function("github_2KiB_verdict", |b| {
        b.iter(|| assert!(verifies(github, black_box(&delivery), &keys, &options)));
    });
    // The baseline: what a receiver writes by hand. HMAC the body, hex-encode, compare with
    // the header in constant time.
    let header = delivery
        .headers
        .get("X-Hub-Signature-256")
        .unwrap()
        .to_owned();
    group.bench_function("bare_hmac_hex_2KiB", |b| {
        b.iter(|| {
            use hmac::{KeyInit, Mac};
            let d = black_box(&delivery);
            let mut mac =
                <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"bench-secret").unwrap();
            mac.update(&d.body);
            let computed = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
            let sent = black_box(&header);
            assert!(hookcheck::mac::same(computed.as_bytes(), sent.as_bytes()));
        });
    });
    group.finish();
}

fn hmac_throughput(c: &mut Criterion) {
    let body = vec![b'a'; 1 << 20];
    let mut group = c.benchmark_group("hmac");
    group.throughput(Throughput::Bytes(body.len() as u64));
    for (name, alg) in [
        ("sha256_1MiB", Algorithm::HmacSha256),
        ("sha1_1MiB", Algorithm::HmacSha1),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| hookcheck::mac::digest(alg, b"key", &[black_box(&body)]));
        });
    }
    group.finish();
}

fn diagnose_wrong_secret(c: &mut Criterion) {
    let github = registry::find("github").unwrap();
    let stripe = registry::find("stripe").unwrap();
    let keys = Keys::from(Secret::new("not-the-secret"));
    let options = Options::at(0);
    let mut group = c.benchmark_group("diagnose_wrong_secret");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let body = json_body(64 << 10);
    let delivery = github_delivery(&body, "bench-secret");
    group.bench_function("github_64KiB", |b| {
        b.iter(|| {
            let outcome = check(github, black_box(&delivery), &keys, &options);
            assert_eq!(outcome.causes.len(), 1);
        });
    });
    let t = "1700000000";
    let digest = hookcheck::mac::digest(
        Algorithm::HmacSha256,
        b"whsec_x",
        &[t.as_bytes(), b".", &body],
    )
    .unwrap();
    let mut headers = Headers::new();
    headers.push(
        "Stripe-Signature",
        format!("t={t},v1={}", hex::encode(digest)),
    );
    let stripe_delivery = Delivery::new(headers, body.clone());
    let at = Options::at(1_700_000_001);
    group.bench_function("stripe_64KiB", |b| {
        b.iter(|| check(stripe, black_box(&stripe_delivery), &keys, &at));
    });
    // Only under `cargo bench`: in test mode criterion runs each function once, and this one
    // alone takes seconds in a debug build.
    if std::env::args().any(|a| a == "--bench") {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(30));
        let big = github_delivery(&json_body(10 << 20), "bench-secret");
        group.bench_function("github_10MiB", |b| {
            b.iter(|| check(github, black_box(&big), &keys, &options));
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    verify_small,
    hmac_throughput,
    diagnose_wrong_secret
);
criterion_main!(benches);
