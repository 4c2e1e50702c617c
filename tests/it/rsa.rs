//! The RSA family end to end: recorded certificates and keys, `--param`, and `--fetch-keys`
//! without the network (its host rule refuses before any request; a cached certificate is used
//! without one).

use hookcheck::PublicKey;
use hookcheck::keyfetch::cache_file;
use hookcheck::scheme::Algorithm;

use crate::util::{hookcheck, path_str, root, scratch};

const PAYPAL: &str = "fixtures/paypal/payment-capture-completed.http";
pub const PAYPAL_CERT_URL: &str =
    "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-ab66f33d";
const PAYPAL_SANDBOX_CERT_URL: &str =
    "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-7c1d0b3e";
pub const WEBHOOK_ID: &str = "webhook_id=4JH86294D6297924G";
/// The sandbox fixture's own webhook.
pub const SANDBOX_WEBHOOK_ID: &str = "8PT597110X687430L";
pub const NOW: &str = "1763950010";

/// A --key-cache directory holding the certificates the PayPal fixtures name (live and
/// sandbox), as a first --fetch-keys would have left it: no request is ever made.
pub fn paypal_key_cache(name: &str) -> std::path::PathBuf {
    let cache = scratch(name);
    let cert = std::fs::read(root().join("fixtures/paypal/paypal-cert.pem")).unwrap();
    for url in [PAYPAL_CERT_URL, PAYPAL_SANDBOX_CERT_URL] {
        std::fs::write(cache_file(&cache, url), &cert).unwrap();
    }
    cache
}

fn paypal(extra: &[&str]) -> crate::util::Run {
    let mut args = vec![
        "verify",
        "--provider",
        "paypal",
        "--request",
        PAYPAL,
        "--now",
        NOW,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    hookcheck(&args)
}

#[test]
fn documented_fireblocks_keys_are_rsa_keys_of_their_size() {
    use rsa::traits::PublicKeyParts as _;
    for (file, bits) in [("us.pem", 4096), ("eu.pem", 4096), ("sandbox.pem", 2048)] {
        let text = std::fs::read(root().join("keys/fireblocks").join(file)).unwrap();
        assert!(
            hookcheck::asymmetric::parse(
                Algorithm::RsaSha512,
                &PublicKey::from_file_bytes(text.clone())
            )
            .is_ok(),
            "{file}"
        );
        let pem = String::from_utf8(text).unwrap();
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        use base64::Engine as _;
        let der = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        let key = hookcheck::input::certificate::rsa_public_key(&der).unwrap();
        assert_eq!(key.n().bits(), bits, "{file}");
    }
    // A delivery signed with the fixtures' fake key is not Fireblocks': the documented
    // production key refuses it.
    let run = hookcheck(&[
        "verify",
        "--provider",
        "fireblocks-v1",
        "--request",
        "fixtures/fireblocks-v1/transaction-status-updated.http",
        "--public-key-file",
        "keys/fireblocks/us.pem",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn a_scheme_that_signs_a_parameter_needs_it() {
    let cert = "fixtures/paypal/paypal-cert.pem";
    let run = paypal(&["--cert-file", cert]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("--param webhook_id=VALUE"),
        "{}",
        run.stderr
    );
    let run = paypal(&["--cert-file", cert, "--param", "webhook_id"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("NAME=VALUE"), "{}", run.stderr);
    let run = paypal(&["--cert-file", cert, "--param", WEBHOOK_ID]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // Every PayPal report says that the body is covered by a CRC-32 only.
    assert!(run.stdout.contains("body_checksum_only"), "{}", run.stdout);
}

#[test]
fn fetch_keys_refuses_urls_off_the_documented_hosts_before_any_request() {
    let cache = scratch("rsa-refused");
    let cache_arg = path_str(&cache);
    for url in [
        "http://api.paypal.com/v1/notifications/certs/CERT-1",
        "https://evil.example/v1/notifications/certs/CERT-1",
        "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1",
        "https://api.paypal.com@evil.example/v1/notifications/certs/CERT-1",
        "https://api.paypal.com:8443/v1/notifications/certs/CERT-1",
        "https://api.paypal.com/v1/oauth2/token",
        "https://api.paypal.com/v1/notifications/certs/../../oauth2/token",
    ] {
        let header = format!("PAYPAL-CERT-URL: {url}");
        let run = paypal(&[
            "--param",
            WEBHOOK_ID,
            "-H",
            &header,
            "--fetch-keys",
            "--key-cache",
            &cache_arg,
        ]);
        assert_eq!(run.code, 2, "{url}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("refused to fetch"),
            "{url}: {}",
            run.stderr
        );
    }
    // Nothing was fetched, so nothing was cached.
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 0);
    // A scheme whose deliveries name no certificate, and a delivery that names none.
    let run = hookcheck(&[
        "verify",
        "--provider",
        "fireblocks-v1",
        "--request",
        "fixtures/fireblocks-v1/transaction-status-updated.http",
        "--fetch-keys",
        "--key-cache",
        &cache_arg,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("names no certificate URL"),
        "{}",
        run.stderr
    );
    let run = paypal(&[
        "--param",
        WEBHOOK_ID,
        "-H",
        "PAYPAL-CERT-URL: ",
        "--fetch-keys",
        "--key-cache",
        &cache_arg,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no header PAYPAL-CERT-URL"),
        "{}",
        run.stderr
    );
}

#[test]
fn fetch_keys_uses_a_cached_certificate_without_a_request() {
    let cache = scratch("rsa-cached");
    let cert = std::fs::read(root().join("fixtures/paypal/paypal-cert.pem")).unwrap();
    std::fs::write(cache_file(&cache, PAYPAL_CERT_URL), &cert).unwrap();
    let run = paypal(&[
        "--param",
        WEBHOOK_ID,
        "--fetch-keys",
        "--key-cache",
        &path_str(&cache),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("was read from the cache"),
        "{}",
        run.stdout
    );

    // Amazon SNS, the certificate URL in the body.
    let sns_url = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem";
    let cert = std::fs::read(root().join("fixtures/amazon-sns/signing-cert.pem")).unwrap();
    std::fs::write(cache_file(&cache, sns_url), &cert).unwrap();
    let run = hookcheck(&[
        "verify",
        "--request",
        "fixtures/amazon-sns/notification-v2.http",
        "--now",
        "1763950010",
        "--fetch-keys",
        "--key-cache",
        &path_str(&cache),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("\"amazon-sns\""), "{}", run.stdout);

    // A cached file that is not a certificate is an error, never a silent fetch.
    std::fs::write(cache_file(&cache, PAYPAL_CERT_URL), b"<html>").unwrap();
    let run = paypal(&[
        "--param",
        WEBHOOK_ID,
        "--fetch-keys",
        "--key-cache",
        &path_str(&cache),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not a PEM X.509 certificate"),
        "{}",
        run.stderr
    );
}
