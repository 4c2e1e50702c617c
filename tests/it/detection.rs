//! Auto-detection as users meet it (`hookcheck verify` without `--provider`): ambiguity and
//! missing headers are failed checks (exit 1) with a cause, never usage errors.

use hookcheck::mac;
use hookcheck::scheme::Algorithm;

use crate::json_contract;
use crate::util::hookcheck;

fn json(args: &[&str]) -> (i32, json_contract::Report) {
    let run = hookcheck(args);
    assert!(run.code <= 1, "{args:?}: {}{}", run.stdout, run.stderr);
    (run.code, json_contract::parse(&run.stdout))
}

#[test]
fn no_known_header_is_a_missing_header_failure() {
    let (code, report) = json(&[
        "verify",
        "-b",
        "x",
        "-H",
        "X-Other: 1",
        "--secret",
        "k",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report.causes[0].code, "missing_header");
    assert_eq!(report.provider, "unknown");
}

#[test]
fn a_senders_other_headers_name_it_when_the_signature_is_missing() {
    // Slack's timestamp header without its signature header.
    let (code, report) = json(&[
        "verify",
        "-b",
        "token=x",
        "-H",
        "X-Slack-Request-Timestamp: 1763950000",
        "--secret",
        "k",
        "--now",
        "1763950000",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report.provider, "slack");
    assert_eq!(report.causes[0].code, "missing_header");
}

/// GitHub signs every delivery twice (SHA-256 and legacy SHA-1): one delivery, diagnosed
/// under the SHA-256 scheme when neither verifies.
#[test]
fn github_with_both_headers_is_diagnosed_as_sha256() {
    let body = r#"{"zen":"Keep it logically awesome.","hook_id":1}"#;
    let signed = r#"{"zen": "Keep it logically awesome.", "hook_id": 1}"#;
    let key = b"gh-secret";
    let sha256 =
        hex::encode(mac::digest(Algorithm::HmacSha256, key, &[signed.as_bytes()]).unwrap());
    let sha1 = hex::encode(mac::digest(Algorithm::HmacSha1, key, &[signed.as_bytes()]).unwrap());
    let (code, report) = json(&[
        "verify",
        "-b",
        body,
        "-H",
        &format!("X-Hub-Signature: sha1={sha1}"),
        "-H",
        &format!("X-Hub-Signature-256: sha256={sha256}"),
        "-H",
        "X-GitHub-Event: ping",
        "--secret",
        "gh-secret",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report.provider, "github");
    assert_eq!(report.causes[0].code, "body_json_reserialized");
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.code == "provider_ambiguous"),
        "one sender, not an ambiguity"
    );
}

#[test]
fn hubspot_version_header_picks_the_scheme() {
    let body = r#"{"eventId":1}"#;
    let secret = "hubspot-client-secret";
    for (version, content) in [
        ("v1", format!("{secret}{body}")),
        (
            "v2",
            format!("{secret}POSThttps://hooks.example.com/hubspot{body}"),
        ),
    ] {
        // A wrong digest, so that only the version header can settle the choice.
        let wrong =
            hex::encode(mac::digest(Algorithm::Sha256, b"", &[content.as_bytes(), b"x"]).unwrap());
        let (code, report) = json(&[
            "verify",
            "-b",
            body,
            "-H",
            &format!("X-HubSpot-Signature: {wrong}"),
            "-H",
            &format!("X-HubSpot-Signature-Version: {version}"),
            "--url",
            "https://hooks.example.com/hubspot",
            "--secret",
            secret,
            "--format",
            "json",
        ]);
        assert_eq!(code, 1);
        assert_eq!(report.provider, format!("hubspot-{version}"));
        let right =
            hex::encode(mac::digest(Algorithm::Sha256, b"", &[content.as_bytes()]).unwrap());
        let (code, report) = json(&[
            "verify",
            "-b",
            body,
            "-H",
            &format!("X-HubSpot-Signature: {right}"),
            "-H",
            &format!("X-HubSpot-Signature-Version: {version}"),
            "--url",
            "https://hooks.example.com/hubspot",
            "--secret",
            secret,
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{version}");
        assert_eq!(report.provider, format!("hubspot-{version}"));
    }
}

/// Two senders with the same header and neither verifying: diagnosed under the first, the
/// other named in a warning, exit 1.
#[test]
fn ambiguity_is_a_failed_check_with_the_alternatives_named() {
    let (code, report) = json(&[
        "verify",
        "-b",
        "{}",
        "-H",
        &format!("X-Hub-Signature-256: sha256={}", "0".repeat(64)),
        "--secret",
        "k",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.code == "provider_ambiguous"),
        "{:?}",
        report.warnings
    );
}

/// A Standard Webhooks delivery signed with the secret's text as key (not its base64 bytes)
/// does not verify by auto-detection picking Polar, whose SDK keys with the text: the delivery
/// may not choose how the user's secret is read. It is diagnosed as `secret_encoding`.
#[test]
fn a_delivery_cannot_choose_how_the_secret_is_read() {
    use base64::Engine as _;
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let (id, ts, body) = ("msg_1", "1763950000", "{}");
    let digest = mac::digest(
        Algorithm::HmacSha256,
        secret.as_bytes(),
        &[id.as_bytes(), b".", ts.as_bytes(), b".", body.as_bytes()],
    )
    .unwrap();
    let sig = format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    let (code, report) = json(&[
        "verify",
        "-b",
        body,
        "-H",
        &format!("webhook-id: {id}"),
        "-H",
        &format!("webhook-timestamp: {ts}"),
        "-H",
        &format!("webhook-signature: {sig}"),
        "--secret",
        secret,
        "--now",
        ts,
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report.provider, "standard-webhooks");
    assert_eq!(report.causes[0].code, "secret_encoding");
}

/// `Webhook-Signature` is the header of Standard Webhooks (and its twins Polar and
/// BigCommerce), GoCardless and NMI: what the value holds picks the scheme (`t=<nonce>,s=<hex>`
/// is NMI's), and a BigCommerce delivery, Standard Webhooks to the byte, stays Standard
/// Webhooks' with BigCommerce named as an alternative: it cannot choose how the secret is read.
#[test]
fn webhook_signature_is_told_apart_by_its_value() {
    let fixture = |name: &str, file: &str| {
        crate::util::path_str(&crate::util::root().join("fixtures").join(name).join(file))
    };
    let run = |name: &str, case: &str, now: &str| {
        json(&[
            "verify",
            "--request",
            &fixture(name, &format!("{case}.http")),
            "--secret-file",
            &fixture(name, "receiver.secret"),
            "--now",
            now,
            "--format",
            "json",
        ])
    };
    let (code, report) = run("nmi", "event", "1763950010");
    assert_eq!((code, report.provider.as_str()), (0, "nmi"));
    let (code, report) = run("gocardless", "event", "1763950010");
    assert_eq!((code, report.provider.as_str()), (0, "gocardless"));
    let (code, report) = run("bigcommerce", "event", "1763950010");
    assert_eq!((code, report.provider.as_str()), (1, "standard-webhooks"));
    assert_eq!(report.causes[0].code, "secret_encoding");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.code == "provider_ambiguous" && w.summary.contains("bigcommerce")),
        "{:?}",
        report.warnings
    );
}

/// Recharge sends its timestamped signature and the legacy SHA-256 together: the timestamped
/// one judges the delivery, so a replay past its 48 hours fails even though the legacy header,
/// which signs no time, would still match.
#[test]
fn recharge_is_judged_by_its_timestamped_header() {
    let dir = crate::util::root().join("fixtures").join("recharge");
    let (code, report) = json(&[
        "verify",
        "--request",
        &crate::util::path_str(&dir.join("stale-timestamp.http")),
        "--secret-file",
        &crate::util::path_str(&dir.join("receiver.secret")),
        "--now",
        &(1763950000 + 172800 + 3600).to_string(),
        "--format",
        "json",
    ]);
    assert_eq!((code, report.provider.as_str()), (1, "recharge"));
    assert_eq!(report.causes[0].code, "timestamp_outside_tolerance");
}

/// Where several schemes fit the headers, detection verifies to choose; the verification it
/// hands over is the engine's own for the chosen scheme (so `check_verified` need not hash
/// again), for a delivery that verifies and for one that does not.
#[test]
fn detections_verification_is_the_engines_own() {
    use hookcheck::{Key, Keys, Options, Secret};
    let capture = std::fs::read("fixtures/github/push-event.http").unwrap();
    let secret = std::fs::read_to_string("fixtures/github/webhook.secret").unwrap();
    let (mut delivery, _) = hookcheck::input::request::parse(&capture)
        .unwrap()
        .into_delivery();
    // Without its sender's other headers, X-Hub-Signature-256 alone fits several schemes.
    for name in [
        "X-GitHub-Event",
        "X-GitHub-Delivery",
        "X-GitHub-Hook-ID",
        "User-Agent",
    ] {
        delivery.headers.remove(name);
    }
    let keys: Keys = [Key::Secret(Secret::new(
        secret.trim_end().as_bytes().to_vec(),
    ))]
    .into_iter()
    .collect();
    let options = Options::at(1_700_000_000);
    let mut forged = delivery.clone();
    forged.body.push(b' ');
    for (delivery, verified) in [(delivery, true), (forged, false)] {
        let detection = hookcheck::autodetect::resolve(&delivery, &keys, &options);
        let scheme = detection.scheme.expect("a scheme");
        let handed = detection
            .verification
            .expect("detection verified to choose");
        assert_eq!(handed.verified, verified);
        assert_eq!(
            handed,
            hookcheck::verify::verify(scheme, &delivery, &keys, &options)
        );
        assert_eq!(
            hookcheck::check::check_verified(scheme, &delivery, &keys, &options, handed),
            hookcheck::check(scheme, &delivery, &keys, &options)
        );
    }
}
