//! `hookcheck verify` through its command line: the ways a user gives a delivery and keys.

use crate::json_contract;
use crate::util::{hookcheck, hookcheck_in, hookcheck_with_stdin, path_str, scratch};

// GitHub's documented example: docs.github.com "Validating webhook deliveries", Testing the
// webhook payload validation.
const GH_SECRET: &str = "It's a Secret to Everybody";
const GH_BODY: &str = "Hello, World!";
const GH_SIG: &str = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

#[test]
fn github_documented_example_from_a_pasted_digest() {
    let run = hookcheck(&[
        "verify", "-p", "github", "-b", GH_BODY, "-s", GH_SIG, "--secret", GH_SECRET, "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let report = json_contract::parse(&run.stdout);
    assert!(report.verified);
    assert_eq!(report.provider, "github");
    assert_eq!(report.algorithm, "hmac-sha256");
    assert_eq!(report.keys[0].length, GH_SECRET.len());
}

#[test]
fn github_documented_example_rejects_one_changed_byte() {
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "-b",
        "Hello, World?",
        "-s",
        GH_SIG,
        "--secret",
        GH_SECRET,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let report = json_contract::parse(&run.stdout);
    assert_eq!(report.causes[0].code, "secret_mismatch");
}

#[test]
fn body_from_stdin_and_headers_auto_detected() {
    let header = format!("X-Hub-Signature-256: {GH_SIG}");
    let run = hookcheck_with_stdin(
        &["verify", "-H", &header, "--secret", GH_SECRET],
        GH_BODY.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.starts_with("✓ verified github"),
        "{}",
        run.stdout
    );
}

#[test]
fn secret_from_file_loses_one_newline_and_from_env() {
    let dir = scratch("secret_sources");
    let file = dir.join("secret");
    std::fs::write(&file, format!("{GH_SECRET}\n")).unwrap();
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "-b",
        GH_BODY,
        "-s",
        GH_SIG,
        "--secret-file",
        &path_str(&file),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    std::fs::write(&file, format!("{GH_SECRET}\n\n")).unwrap();
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "-b",
        GH_BODY,
        "-s",
        GH_SIG,
        "--secret-file",
        &path_str(&file),
    ]);
    assert_eq!(run.code, 1, "only one newline is removed");

    let run = hookcheck_in(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            GH_BODY,
            "-s",
            GH_SIG,
            "--secret-env",
            "HC_TEST_SECRET",
        ],
        b"",
        &[("HC_TEST_SECRET", GH_SECRET)],
    );
    assert_eq!(run.code, 0);

    let run = hookcheck_with_stdin(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            GH_BODY,
            "-s",
            GH_SIG,
            "--secret-file",
            "-",
        ],
        format!("{GH_SECRET}\r\n").as_bytes(),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn any_key_may_match_and_the_report_says_which() {
    let run = hookcheck_in(
        &[
            "verify",
            "-p",
            "github",
            "-b",
            GH_BODY,
            "-s",
            GH_SIG,
            "--secret",
            "old-secret",
            "--secret-env",
            "HC_K",
            "--secret",
            "another",
            "--format",
            "json",
        ],
        b"",
        &[("HC_K", GH_SECRET)],
    );
    assert_eq!(run.code, 0);
    let report = json_contract::parse(&run.stdout);
    // Keys are numbered in command-line order, whichever flag gave them.
    assert_eq!(report.matched.unwrap().key_index, 1);
    assert_eq!(report.keys.len(), 3);
}

#[test]
fn body_file_bytes_are_exact() {
    let dir = scratch("body_file");
    let body = dir.join("body");
    std::fs::write(&body, GH_BODY).unwrap();
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "--body-file",
        &path_str(&body),
        "-s",
        GH_SIG,
        "--secret",
        GH_SECRET,
    ]);
    assert_eq!(run.code, 0);
    std::fs::write(&body, format!("{GH_BODY}\n")).unwrap();
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "--body-file",
        &path_str(&body),
        "-s",
        GH_SIG,
        "--secret",
        GH_SECRET,
    ]);
    assert_eq!(run.code, 1, "a trailing newline is a different body");
}

#[test]
fn headers_file_and_explicit_header_override() {
    let dir = scratch("headers_file");
    let headers = dir.join("headers");
    std::fs::write(
        &headers,
        "Content-Type: application/json\r\nX-Hub-Signature-256: sha256=00\n\n",
    )
    .unwrap();
    let run = hookcheck(&[
        "verify",
        "--headers-file",
        &path_str(&headers),
        "-H",
        &format!("X-Hub-Signature-256: {GH_SIG}"),
        "-b",
        GH_BODY,
        "--secret",
        GH_SECRET,
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

// A Stripe-style delivery signed here with the documented recipe; the timestamp logic is what
// is under test (SDK-made Stripe deliveries are in fixtures/stripe).
fn stripe_args(now: &str) -> Vec<String> {
    let secret = "whsec_test_secret";
    let body = r#"{"id":"evt_1"}"#;
    let t = "1700000000";
    let digest = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        secret.as_bytes(),
        &[t.as_bytes(), b".", body.as_bytes()],
    )
    .unwrap();
    let header = format!("Stripe-Signature: t={t},v1={}", hex::encode(digest));
    [
        "verify", "-H", &header, "-b", body, "--secret", secret, "--now", now, "--format", "json",
    ]
    .iter()
    .map(std::string::ToString::to_string)
    .collect()
}

#[test]
fn tolerance_window_and_overrides() {
    let run = |extra: &[&str], now: &str| {
        let mut args = stripe_args(now);
        args.extend(extra.iter().map(std::string::ToString::to_string));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        hookcheck(&args)
    };
    let fresh = run(&[], "1700000100");
    assert_eq!(fresh.code, 0, "{}", fresh.stdout);
    let ts = json_contract::parse(&fresh.stdout).timestamp.unwrap();
    assert_eq!(
        (ts.value, ts.age_seconds, ts.tolerance_seconds, ts.within),
        (1700000000, 100, Some(300), true)
    );

    let stale = run(&[], "1700003600");
    assert_eq!(stale.code, 1);
    let report = json_contract::parse(&stale.stdout);
    assert_eq!(report.causes[0].code, "timestamp_outside_tolerance");
    assert_eq!(report.causes[0].detail["age_seconds"], 3600);
    assert!(report.causes[0].summary.contains("valid"));

    assert_eq!(run(&["--no-tolerance"], "1700003600").code, 0);
    assert_eq!(run(&["--tolerance", "4000"], "1700003600").code, 0);
    assert_eq!(run(&["--tolerance", "50"], "1700000100").code, 1);
    // Stripe's SDK limits only the past: a clock behind the sender still verifies.
    assert_eq!(run(&[], "1699990000").code, 0);
}

#[test]
fn quiet_prints_nothing() {
    let run = hookcheck(&[
        "verify", "-q", "-p", "github", "-b", GH_BODY, "-s", GH_SIG, "--secret", "wrong",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty() && run.stderr.is_empty());
}

#[test]
fn colour_follows_the_flag_and_json_is_never_coloured() {
    let base = [
        "verify", "-p", "github", "-b", GH_BODY, "-s", GH_SIG, "--secret", GH_SECRET,
    ];
    let with = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        hookcheck_in(&args, b"", env).stdout
    };
    assert!(with(&["--color", "always"], &[]).contains("\x1b["));
    assert!(
        with(&["--color", "always"], &[("NO_COLOR", "1")]).contains("\x1b["),
        "--color beats NO_COLOR"
    );
    assert!(!with(&[], &[]).contains("\x1b["), "not a terminal");
    assert!(!with(&["--color", "never"], &[]).contains("\x1b["));
    assert!(!with(&["--color", "always", "--format", "json"], &[]).contains("\x1b["));
}

#[test]
fn header_values_cannot_drive_the_terminal() {
    let run = hookcheck(&[
        "verify",
        "-p",
        "corgea",
        "-b",
        "{}",
        "-H",
        "X-Corgea-Signature: \x1b[2Jzz",
        "--secret",
        "s3cr3t-value",
    ]);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains('\x1b'), "{}", run.stdout);
}

#[test]
fn missing_signature_header_names_it_and_the_provider_it_looks_like() {
    let run = hookcheck(&[
        "verify",
        "-p",
        "stripe",
        "-b",
        GH_BODY,
        "-H",
        &format!("X-Hub-Signature-256: {GH_SIG}"),
        "--secret",
        GH_SECRET,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let report = json_contract::parse(&run.stdout);
    let missing = report
        .causes
        .iter()
        .find(|c| c.code == "missing_header")
        .expect("missing_header");
    assert_eq!(missing.detail["header"], "Stripe-Signature");
    assert_eq!(missing.detail["looks_like"], "github");
}

#[test]
fn malformed_signature_is_its_own_cause() {
    for sig in ["sha256=zzzz", "md5=abcd", ""] {
        let run = hookcheck(&[
            "verify", "-p", "github", "-b", GH_BODY, "-s", sig, "--secret", GH_SECRET, "--format",
            "json",
        ]);
        assert_eq!(run.code, 1, "{sig}");
        assert_eq!(
            json_contract::parse(&run.stdout).causes[0].code,
            "signature_malformed",
            "{sig}"
        );
    }
}

#[test]
fn algorithm_override_changes_the_hash() {
    // HMAC-SHA1 of GitHub's example body under its example secret (computed by the RFC-tested code).
    let sha1 = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha1,
        GH_SECRET.as_bytes(),
        &[GH_BODY.as_bytes()],
    )
    .unwrap();
    let sig = format!("sha256={}", hex::encode(sha1));
    assert_eq!(
        hookcheck(&[
            "verify", "-p", "github", "-b", GH_BODY, "-s", &sig, "--secret", GH_SECRET
        ])
        .code,
        1
    );
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "-b",
        GH_BODY,
        "-s",
        &sig,
        "--secret",
        GH_SECRET,
        "--algorithm",
        "sha1",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(json_contract::parse(&run.stdout).algorithm, "hmac-sha1");
}

#[test]
fn unsigned_providers_say_so() {
    for provider in ["securityscorecard", "crashtest"] {
        let run = hookcheck(&["verify", "-p", provider, "-b", "{}", "--format", "json"]);
        assert_eq!(run.code, 1, "{provider}: {}{}", run.stdout, run.stderr);
        let report = json_contract::parse(&run.stdout);
        assert_eq!(report.causes[0].code, "unsigned_provider");
    }
}

#[test]
fn header_token_and_basic() {
    let ok = hookcheck(&[
        "verify",
        "-p",
        "header-token",
        "-b",
        "{}",
        "-H",
        "Authorization: Bearer tok-123456",
        "--secret",
        "tok-123456",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    let named = hookcheck(&[
        "verify",
        "-p",
        "header-token",
        "--token-header",
        "X-Webhook-Token",
        "-b",
        "{}",
        "-H",
        "X-Webhook-Token: tok-123456",
        "--secret",
        "tok-123456",
    ]);
    assert_eq!(named.code, 0, "{}", named.stdout);
    let bad = hookcheck(&[
        "verify",
        "-p",
        "header-token",
        "-b",
        "{}",
        "-H",
        "Authorization: Bearer tok-9",
        "--secret",
        "tok-123456",
    ]);
    assert_eq!(bad.code, 1);
    // "user:pass" in base64 is dXNlcjpwYXNz.
    let basic = hookcheck(&[
        "verify",
        "-p",
        "basic",
        "-b",
        "{}",
        "-H",
        "Authorization: Basic dXNlcjpwYXNz",
        "--secret",
        "user:pass",
    ]);
    assert_eq!(basic.code, 0);
}

#[test]
fn providers_lists_and_explains() {
    let table = hookcheck(&["providers"]);
    assert_eq!(table.code, 0);
    assert!(
        table.stdout.lines().all(|l| l.chars().count() <= 100),
        "fits 100 columns"
    );
    for name in [
        "bugcrowd",
        "corgea",
        "zenduty",
        "github",
        "stripe",
        "securityscorecard",
        "crashtest",
    ] {
        assert!(
            table.stdout.lines().any(|l| l.starts_with(name)),
            "{name} listed"
        );
    }
    let json = hookcheck(&["providers", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    assert!(list.iter().all(|p| p["name"].is_string()));

    let show = hookcheck(&["providers", "show", "stripe"]);
    assert!(show.stdout.contains("Stripe-Signature") && show.stdout.contains("Source:"));
    let toml = hookcheck(&["providers", "show", "stripe", "--format", "toml"]);
    assert!(toml.stdout.contains("name = \"stripe\""));
}

#[test]
fn a_scheme_file_printed_by_providers_show_verifies_like_the_builtin() {
    let dir = scratch("custom_scheme");
    let toml = hookcheck(&["providers", "show", "github", "--format", "toml"]).stdout;
    let file = dir.join("mine.toml");
    std::fs::write(&file, toml.replace("X-Hub-Signature-256", "X-My-Signature")).unwrap();
    let run = hookcheck(&[
        "verify",
        "--scheme",
        &path_str(&file),
        "-b",
        GH_BODY,
        "-H",
        &format!("X-My-Signature: {GH_SIG}"),
        "--secret",
        GH_SECRET,
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

/// The constructions added for issue 14 are data a `--scheme` file can name: HMAC-SHA384,
/// plain MD5/SHA-384 over a template holding `{secret}`, hash-then-HMAC (`{body_hash:…}`) and
/// base64 of hex; a plain hash without `{secret}` is refused (anyone could compute it).
#[test]
fn custom_schemes_name_the_new_algorithms_and_constructions() {
    // Expected values from Python hmac/hashlib (see each comment).
    let cases = [
        // md5(b"k3y" + body)
        (
            "algorithm = \"md5\"\nsigned = \"{secret}{body}\"\nsignature = { headers = [\"X-Sig\"], encoding = \"hex\" }",
            "23c5ad1d0ef14c5ec9ad94bc810698c3",
        ),
        // sha384(body + b"k3y")
        (
            "algorithm = \"sha384\"\nsigned = \"{body}{secret}\"\nsignature = { headers = [\"X-Sig\"], encoding = \"hex\" }",
            "3ada7aa2006fca3b54a0df92aaa9863533294a2dcf46a371385137f0b3ee17cba573bfeb4fe566101b7855dada4a03f1",
        ),
        // hmac(b"k3y", sha256(body).hexdigest(), sha256)
        (
            "algorithm = \"hmac-sha256\"\nsigned = \"{body_hash:sha256}\"\nsignature = { headers = [\"X-Sig\"], encoding = \"hex\" }",
            "e6d0ea6f72321a1929afc21d6007b1d42380c2ec9ee9e98a083971c126303107",
        ),
        // base64(hmac(b"k3y", body, sha384).hexdigest())
        (
            "algorithm = \"hmac-sha384\"\nsignature = { headers = [\"X-Sig\"], encoding = \"base64-hex\" }",
            "MzEyM2EyYTdjNDdkMWZkNmM5NjhlNWRkNTUzNmQ3OWJkMmYzM2RmMmI4N2FjOGMwNWQ0NTIxZTRmYjdmOWFkYjAzYjFlZDQwMWUyZWRhODRhMjMyM2UwNzFmNTZjMjdh",
        ),
    ];
    let dir = scratch("custom_constructions");
    for (i, (body_of_scheme, signature)) in cases.iter().enumerate() {
        let file = dir.join(format!("s{i}.toml"));
        std::fs::write(
            &file,
            format!("name = \"mine\"\ntitle = \"Mine\"\nsource = \"a test of issue 14\"\n{body_of_scheme}\n"),
        )
        .unwrap();
        let file = path_str(&file);
        let args = |sig: &str, body: &str| {
            vec![
                "verify".to_owned(),
                "--scheme".to_owned(),
                file.clone(),
                "-b".to_owned(),
                body.to_owned(),
                "-H".to_owned(),
                format!("X-Sig: {sig}"),
                "--secret".to_owned(),
                "k3y".to_owned(),
            ]
        };
        let run = |a: Vec<String>| hookcheck(&a.iter().map(String::as_str).collect::<Vec<_>>());
        let good = run(args(signature, "{\"a\":1}"));
        assert_eq!(good.code, 0, "case {i}: {}{}", good.stdout, good.stderr);
        // The body changed: the same signature no longer verifies.
        let bad = run(args(signature, "{\"a\":2}"));
        assert_eq!(bad.code, 1, "case {i}: {}{}", bad.stdout, bad.stderr);
    }
    let unkeyed = dir.join("unkeyed.toml");
    std::fs::write(
        &unkeyed,
        "name = \"x\"\ntitle = \"X\"\nsource = \"a test of issue 14\"\nalgorithm = \"md5\"\nsignature = { headers = [\"X-Sig\"], encoding = \"hex\" }\n",
    )
    .unwrap();
    let run = hookcheck(&[
        "verify",
        "--scheme",
        &path_str(&unkeyed),
        "-b",
        "{}",
        "-H",
        "X-Sig: 00",
        "--secret",
        "k3y",
    ]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("plain hash"), "{}", run.stderr);
}

/// A `[jwt]` table is data a `--scheme` file can write: `providers show netlify --format toml`
/// printed back verifies Netlify's fixture, and a table without the body-hash claim, or on a
/// scheme whose algorithm is not `jwt`, is refused (any body would pass with a replayed token).
#[test]
fn custom_jwt_schemes_must_bind_the_body() {
    let dir = scratch("custom_jwt");
    let toml = hookcheck(&["providers", "show", "netlify", "--format", "toml"]).stdout;
    assert!(toml.contains("[jwt]") || toml.contains("jwt ="), "{toml}");
    let write = |name: &str, text: &str| {
        let f = dir.join(name);
        std::fs::write(&f, text).unwrap();
        path_str(&f)
    };
    let check = |scheme: &str| {
        hookcheck(&[
            "verify",
            "--scheme",
            scheme,
            "--request",
            "fixtures/netlify/deploy-succeeded.http",
            "--secret-file",
            "fixtures/netlify/secret.secret",
        ])
    };
    let same = write("netlify.toml", &toml);
    let run = check(&same);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let unbound = write(
        "unbound.toml",
        &toml.replace("body_claim = \"sha256\"", "body_claim = \"\""),
    );
    let run = check(&unbound);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("body_claim"), "{}", run.stderr);
    let not_jwt = write(
        "not_jwt.toml",
        &toml.replace("algorithm = \"jwt\"", "algorithm = \"hmac-sha256\""),
    );
    let run = check(&not_jwt);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
}

/// `--cert-file` takes the sender's X.509 certificate as PEM or DER (Amazon SNS), offline; a
/// certificate is a public key, so an HMAC scheme refuses it.
#[test]
fn cert_file_takes_pem_and_der_certificates() {
    use base64::Engine as _;
    let pem =
        std::fs::read_to_string(crate::util::root().join("fixtures/amazon-sns/signing-cert.pem"))
            .unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap();
    let dir = scratch("cert_file");
    let der_file = dir.join("cert.der");
    std::fs::write(&der_file, der).unwrap();
    let request = "fixtures/amazon-sns/notification-v2.http";
    for cert in [
        "fixtures/amazon-sns/signing-cert.pem".to_owned(),
        path_str(&der_file),
    ] {
        let run = hookcheck(&[
            "verify",
            "-p",
            "amazon-sns",
            "--request",
            request,
            "--cert-file",
            &cert,
            "--now",
            "1763950010",
        ]);
        assert_eq!(run.code, 0, "{cert}: {}{}", run.stdout, run.stderr);
    }
    let run = hookcheck(&[
        "verify",
        "-p",
        "github",
        "-b",
        "{}",
        "-H",
        "X-Hub-Signature-256: sha256=00",
        "--cert-file",
        "fixtures/amazon-sns/signing-cert.pem",
    ]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
}

/// `--computed`: the digest a receiver logged is checked, and a wrong one is explained by the
/// variant that produces it (here: the receiver hashed the body with a newline added).
#[test]
fn computed_digest_names_the_receivers_mistake() {
    let right = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        GH_SECRET.as_bytes(),
        &[GH_BODY.as_bytes()],
    )
    .unwrap();
    let base = [
        "verify",
        "-p",
        "github",
        "-b",
        GH_BODY,
        "-s",
        GH_SIG,
        "--secret",
        GH_SECRET,
        "--format",
        "json",
        "--computed",
    ];
    let run = |digest: &str| {
        let mut args = base.to_vec();
        args.push(digest);
        hookcheck(&args)
    };
    assert_eq!(run(&hex::encode(&right)).code, 0);
    let newline = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        GH_SECRET.as_bytes(),
        &[GH_BODY.as_bytes(), b"\n"],
    )
    .unwrap();
    let wrong = run(&format!("sha256={}", hex::encode(&newline)));
    assert_eq!(wrong.code, 1);
    let report = json_contract::parse(&wrong.stdout);
    assert!(report.verified, "the delivery's own signature is right");
    let computed = report.computed.expect("a computed finding");
    assert!(!computed.matches);
    assert_eq!(computed.causes[0].code, "body_trailing_newline_removed");
    let unknown = run(&hex::encode([7u8; 32]));
    assert_eq!(
        json_contract::parse(&unknown.stdout)
            .computed
            .unwrap()
            .causes[0]
            .code,
        "secret_mismatch"
    );
}

/// A body over the in-memory limit is streamed from stdin and still verifies.
#[test]
fn large_body_on_stdin_is_streamed() {
    let body: Vec<u8> = (0..(17u32 << 20)).map(|i| b'a' + (i % 26) as u8).collect();
    let digest = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        b"stream-key",
        &[&body],
    )
    .unwrap();
    let sig = format!("sha256={}", hex::encode(digest));
    let run = hookcheck_with_stdin(
        &[
            "verify",
            "-p",
            "github",
            "-s",
            &sig,
            "--secret",
            "stream-key",
            "--format",
            "json",
        ],
        &body,
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = hookcheck_with_stdin(
        &[
            "verify",
            "-p",
            "github",
            "-s",
            &sig,
            "--secret",
            "other-key",
            "--format",
            "json",
        ],
        &body,
    );
    assert_eq!(run.code, 1);
    let report = json_contract::parse(&run.stdout);
    assert_eq!(report.causes[0].code, "secret_mismatch");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.code == "diagnosis_partial")
    );
}

/// Zenduty signs json.dumps of the parsed payload: the report says which content verified.
#[test]
fn zenduty_says_which_content_verified() {
    let secret = "fixtures/zenduty/".to_owned()
        + &std::fs::read_dir(crate::util::root().join("fixtures/zenduty"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".secret"))
            .unwrap();
    let run = |capture: &str| {
        hookcheck(&[
            "verify",
            "-p",
            "zenduty",
            "--request",
            capture,
            "--secret-file",
            &secret,
            "--format",
            "json",
        ])
    };
    let raw = json_contract::parse(&run("fixtures/zenduty/incident-triggered.http").stdout);
    assert!(raw.verified && raw.warnings.iter().all(|w| w.code != "signed_content"));
    let recipe = json_contract::parse(&run("fixtures/zenduty/compact-body.http").stdout);
    assert!(recipe.verified);
    assert!(
        recipe
            .warnings
            .iter()
            .any(|w| w.code == "signed_content" && w.summary.contains("json.dumps"))
    );
}

// Twilio's documented example (TwilioDevEd/api-snippets security/signature_validation):
// auth token 12345, this URL and these POST parameters give GvWf1cFY/Q7PnoempGyD5oXAezc=.
const TWILIO_URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
const TWILIO_FORM: &str = "To=%2B18005551212&From=%2B14158675310&CallSid=CA1234567890ABCDE&Digits=1234&Caller=%2B14158675310";

#[test]
fn twilio_documented_example_and_port_variants() {
    let run = |url: &str, body: &str| {
        hookcheck(&[
            "verify",
            "-p",
            "twilio",
            "--url",
            url,
            "-b",
            body,
            "-s",
            "GvWf1cFY/Q7PnoempGyD5oXAezc=",
            "--secret",
            "12345",
        ])
        .code
    };
    assert_eq!(run(TWILIO_URL, TWILIO_FORM), 0);
    // Its SDK accepts the URL with the default port written out.
    assert_eq!(
        run(
            "https://mycompany.com:443/myapp.php?foo=1&bar=2",
            TWILIO_FORM
        ),
        0
    );
    assert_eq!(
        run("http://mycompany.com/myapp.php?foo=1&bar=2", TWILIO_FORM),
        1
    );
    assert_eq!(run(TWILIO_URL, &TWILIO_FORM.replace("1234&", "1235&")), 1);
}

#[test]
fn twilio_json_bodies_are_bound_by_body_sha256() {
    let body = r#"{"event":"call.completed"}"#;
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(body.as_bytes()));
    let url = format!("https://example.com/hook?bodySHA256={hash}");
    let sig = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha1,
        b"token-1",
        &[url.as_bytes()],
    )
    .unwrap();
    use base64::Engine as _;
    let sig = base64::engine::general_purpose::STANDARD.encode(sig);
    let run = |body: &str| {
        hookcheck(&[
            "verify", "-p", "twilio", "--url", &url, "-b", body, "-s", &sig, "--secret", "token-1",
        ])
        .code
    };
    assert_eq!(run(body), 0);
    assert_eq!(
        run(r#"{"event":"call.failed"}"#),
        1,
        "the URL signature holds, but the body does not match bodySHA256"
    );
}

/// The worked examples of custom schemes in the README verify deliveries signed by hand.
#[test]
fn readme_custom_scheme_examples() {
    use base64::Engine as _;
    let body = r#"{"order":42}"#;
    let key = b"\x01\x02\x03\x04acme-key";
    let mac = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        key,
        &[b"1763900000:", body.as_bytes()],
    )
    .unwrap();
    let header = format!(
        "X-Acme-Signature: ts=1763900000;sig={}",
        base64::engine::general_purpose::STANDARD.encode(mac)
    );
    let acme = |now: &str| {
        hookcheck(&[
            "verify",
            "--scheme",
            "examples/schemes/acme.toml",
            "-b",
            body,
            "-H",
            &header,
            "--secret",
            &hex::encode(key),
            "--now",
            now,
        ])
        .code
    };
    assert_eq!(acme("1763900100"), 0);
    assert_eq!(acme("1763901000"), 1, "outside the 600 s window");

    let mac = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        b"gw-key",
        &[b"d-77.", body.as_bytes()],
    )
    .unwrap();
    let run = hookcheck(&[
        "verify",
        "--scheme",
        "examples/schemes/internal-github-proxy.toml",
        "-b",
        body,
        "-H",
        "X-GitHub-Delivery: d-77",
        "-H",
        &format!("X-Gateway-Signature: sha256={}", hex::encode(mac)),
        "--secret",
        "gw-key",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    // Ledgerly: the signature inside the body, over the event's JSON text as sent.
    let event = r#"{"id": 7, "amount": "9.99"}"#;
    let mac = hookcheck::mac::digest(
        hookcheck::scheme::Algorithm::HmacSha256,
        b"ledger-key",
        &[event.as_bytes()],
    )
    .unwrap();
    let ledgerly = |body: &str| {
        hookcheck(&[
            "verify",
            "--scheme",
            "examples/schemes/ledgerly.toml",
            "-b",
            body,
            "--secret",
            "ledger-key",
            "--format",
            "json",
        ])
    };
    let signed = format!(r#"{{"event":{event},"signature":"{}"}}"#, hex::encode(mac));
    let run = ledgerly(&signed);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("body_not_signed"), "{}", run.stdout);
    assert_eq!(ledgerly(&signed.replace("9.99", "0.01")).code, 1);
}

/// CLICOLOR_FORCE colours piped output; NO_COLOR still wins; CLICOLOR=0 turns colour off.
#[test]
fn clicolor_force_colours_a_pipe() {
    let args = [
        "verify",
        "-p",
        "github",
        "-b",
        "{}",
        "-s",
        "sha256=00",
        "--secret",
        "k",
    ];
    let coloured = |env: &[(&str, &str)]| hookcheck_in(&args, b"", env).stdout.contains('\u{1b}');
    assert!(!coloured(&[]), "a pipe is not coloured by default");
    assert!(coloured(&[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!coloured(&[("CLICOLOR", "0")]));
}

#[test]
fn explain_prints_the_long_form_of_a_code() {
    let run = hookcheck(&["explain", "body_wrapped"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for part in [
        "What happened",
        "How to confirm it",
        "Fix",
        "AWS Lambda",
        "[body_wrapped]",
    ] {
        assert!(run.stdout.contains(part), "{part}: {}", run.stdout);
    }
    let run = hookcheck(&["explain", "body_json_reserialized"]);
    for framework in [
        "Express",
        "Next.js",
        "FastAPI",
        "Flask",
        "Django",
        "Rails",
        "Laravel",
        "Spring",
        "ASP.NET",
        "Go net/http",
        "AWS Lambda",
        "Cloudflare Workers",
    ] {
        assert!(run.stdout.contains(framework), "{framework}");
    }
    let run = hookcheck(&["explain", "body_keys_resorted"]);
    assert!(run.stdout.contains("suspect, never a cause"));
    let run = hookcheck(&["explain", "no_such_code"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("body_wrapped"), "{}", run.stderr);
}

/// Issue 14's other constructions are data a `--scheme` file can name too: a signature read
/// from a body field or a form field, over one JSON field's raw text (`{json:…}`) or its
/// re-encoding in a named dialect (`{json:…:php_default}`), over form fields (`{form:…}`),
/// over a JSON envelope holding the body (`{json_string:body}`), and over an item of the
/// signature header (`{item:…}`). Each verifies, and refuses its delivery changed.
#[test]
fn custom_schemes_sign_fields_forms_and_envelopes() {
    struct Case {
        scheme: &'static str,
        body: &'static str,
        headers: &'static [&'static str],
        /// One change to the body that must make it fail.
        change: (&'static str, &'static str),
    }
    // Expected values from Python hmac/hashlib/json (see each comment).
    let cases = [
        // HMAC-SHA256(k3y, raw Content text).hexdigest().upper()
        Case {
            scheme: "algorithm = \"hmac-sha256\"\nsigned = \"{json:Content}\"\nbody_fields_only = true\nsignature = { headers = [\"body:HashCode\"], encoding = \"hex\" }",
            body: r#"{"Content":{"a": 1,"b":"x/\u00e9"},"HashCode":"F32DA9EB75EE2AB50C54A0ACF765D20C947B5C84D69A4C0824F2C3CDC2EC422C"}"#,
            headers: &[],
            change: ("\"a\": 1", "\"a\": 2"),
        },
        // base64 HMAC-SHA256(k3y, PHP json_encode of p: {"a":1,"b":"x\/\u00e9"})
        Case {
            scheme: "algorithm = \"hmac-sha256\"\nsigned = \"{json:p:php_default}\"\nbody_fields_only = true\nsignature = { headers = [\"body:sig\"], encoding = \"base64\" }",
            body: r#"{"p":{ "a" : 1, "b" : "x/é" },"sig":"hLBFkJyOf3YrdId9Z2x2rva3tqyoIAiHJoRcpk4Tna0="}"#,
            headers: &[],
            change: ("\"a\" : 1", "\"a\" : 2"),
        },
        // md5(b"k3y" + form field data, URL-decoded)
        Case {
            scheme: "algorithm = \"md5\"\nsigned = \"{secret}{form:data}\"\nbody_fields_only = true\nsignature = { headers = [\"form:hash\"], encoding = \"hex\" }",
            body: "data=%7B%22n%22%3A%22%C3%A9+%26+%3D%22%7D&hash=56ef44d038a1e98e180e0ca85c756b44",
            headers: &[],
            change: ("%3D", "%3E"),
        },
        // base64 HMAC-SHA256(k3y, json.dumps({"B": body}, separators=(",", ":")))
        Case {
            scheme: "algorithm = \"hmac-sha256\"\nsigned = '{{\"B\":{json_string:body}}}'\nsignature = { headers = [\"X-Sig\"], encoding = \"base64\" }",
            body: r#"{"a":"q\"/"}"#,
            headers: &["X-Sig: RjBE1pjCUhUszJDcezfjW5WgauLTqobJPBJWq2EsBzc="],
            change: ("q", "r"),
        },
        // HMAC-SHA256(k3y, b"prod." + body), env read from the signature header's items
        Case {
            scheme: "algorithm = \"hmac-sha256\"\nsigned = \"{item:env}.{body}\"\nsignature = { headers = [\"X-Sig\"], items = \",\", pair = \"=\", keys = [\"s\"], encoding = \"hex\" }",
            body: r#"{"a":1}"#,
            headers: &[
                "X-Sig: env=prod,s=f07ff50a8f5a5e9b4cd40e5fd5992a752dcc52c388b8c97331ee220b55cab14b",
            ],
            change: ("1", "2"),
        },
    ];
    let dir = scratch("custom_fields");
    for (i, case) in cases.iter().enumerate() {
        let file = dir.join(format!("s{i}.toml"));
        std::fs::write(
            &file,
            format!(
                "name = \"mine\"\ntitle = \"Mine\"\nsource = \"a test of issue 14\"\n{}\n",
                case.scheme
            ),
        )
        .unwrap();
        let file = path_str(&file);
        let run = |body: &str| {
            let mut args = vec!["verify", "--scheme", &file, "-b", body, "--secret", "k3y"];
            for h in case.headers {
                args.extend(["-H", h]);
            }
            hookcheck(&args)
        };
        let good = run(case.body);
        assert_eq!(good.code, 0, "case {i}: {}{}", good.stdout, good.stderr);
        let (from, to) = case.change;
        assert!(case.body.contains(from), "case {i}");
        let bad = run(&case.body.replacen(from, to, 1));
        assert_eq!(bad.code, 1, "case {i}: {}{}", bad.stdout, bad.stderr);
    }
}
