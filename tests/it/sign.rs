//! `hookcheck sign … | hookcheck verify --request - …` for every registry scheme, with each
//! scheme's own fixture body, URL and method; and the keys sign refuses.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hookcheck::scheme::{Algorithm, registry};

use crate::util::{hookcheck, hookcheck_with_stdin, path_str, root, scratch};

/// The body, method and URL of the scheme's first valid fixture (a JSON body when it has none).
fn fixture_delivery(name: &str) -> (Vec<u8>, String, String, i64) {
    let dir = root().join("fixtures").join(name);
    let cases: Vec<serde_json::Value> = std::fs::read_to_string(dir.join("cases.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    for case in cases.iter().filter(|c| c["expect"] == "pass") {
        let Some(file) = case["request"].as_str() else {
            continue;
        };
        let bytes = std::fs::read(dir.join(file)).expect("fixture readable");
        let capture = hookcheck::input::request::parse(&bytes).expect("fixture parses");
        let url = case["url"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| capture.url())
            .unwrap_or_else(|| format!("https://hooks.example.com/webhooks/{name}"));
        // A URL-signed fixture's URL may carry a body hash for its own body; sign adds its own.
        let url = url.split("?bodySHA256").next().unwrap_or(&url).to_owned();
        let now = case["now"].as_i64().unwrap_or(1_763_900_000);
        return (capture.body, capture.method, url, now);
    }
    (
        br#"{"event":"ping","n":1}"#.to_vec(),
        "POST".to_owned(),
        format!("https://hooks.example.com/webhooks/{name}"),
        1_763_900_000,
    )
}

const ED25519_PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

fn pem(label: &str, der: &[u8]) -> String {
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        STANDARD.encode(der)
    )
}

/// (private key file text, public key file text) for an asymmetric algorithm.
fn key_pair(algorithm: Algorithm) -> (String, String) {
    match algorithm {
        Algorithm::Ed25519 => {
            let seed = [7u8; 32];
            let key = ed25519_dalek::SigningKey::from_bytes(&seed);
            let der = [ED25519_PKCS8_PREFIX.as_slice(), &seed].concat();
            (
                pem("PRIVATE KEY", &der),
                hex::encode(key.verifying_key().as_bytes()),
            )
        }
        Algorithm::EcdsaP256 => {
            use p256::pkcs8::EncodePrivateKey as _;
            let key = p256::ecdsa::SigningKey::from_slice(&[9u8; 32]).unwrap();
            let private = key.to_pkcs8_pem(Default::default()).unwrap().to_string();
            let public = STANDARD.encode(key.verifying_key().to_encoded_point(false).as_bytes());
            (private, public)
        }
        other => panic!("{} has no key pair", other.id()),
    }
}

fn secret_for(name: &str) -> String {
    let dir = root().join("fixtures").join(name);
    if let Ok(cases) = std::fs::read_to_string(dir.join("cases.json")) {
        let cases: Vec<serde_json::Value> = serde_json::from_str(&cases).unwrap_or_default();
        if let Some(file) = cases
            .iter()
            .find(|c| c["expect"] == "pass")
            .and_then(|c| c["secret"].as_str())
        {
            return std::fs::read_to_string(dir.join(file)).unwrap();
        }
    }
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".to_owned()
}

#[test]
fn sign_round_trips_every_registry_scheme() {
    let dir = scratch("sign-round-trip");
    let mut failures = Vec::new();
    let mut signed = 0;
    for scheme in registry::all() {
        let name = scheme.name.as_str();
        let (body, method, url, now) = fixture_delivery(name);
        let body_path = dir.join(format!("{name}.body"));
        std::fs::write(&body_path, &body).unwrap();
        let key_path = dir.join(format!("{name}.key"));
        let pub_path = dir.join(format!("{name}.pub"));
        if matches!(scheme.algorithm, Algorithm::Jwt | Algorithm::EcdsaP256Sha1)
            || scheme.algorithm.is_rsa()
        {
            // Verified, not signed: sign refuses them plainly.
            std::fs::write(&key_path, secret_for(name)).unwrap();
            let run = hookcheck(&[
                "sign",
                "--provider",
                name,
                "--body",
                "{}",
                "--secret-file",
                &path_str(&key_path),
            ]);
            if run.code != 2 {
                failures.push(format!(
                    "{name}: sign should refuse: exit {} {}",
                    run.code, run.stderr
                ));
            }
            continue;
        }
        let (sign_key, verify_key) = if scheme.algorithm.is_asymmetric() {
            let (private, public) = key_pair(scheme.algorithm);
            std::fs::write(&key_path, private).unwrap();
            std::fs::write(&pub_path, public).unwrap();
            (
                ["--private-key-file", &path_str(&key_path)].map(str::to_owned),
                ["--public-key-file", &path_str(&pub_path)].map(str::to_owned),
            )
        } else {
            std::fs::write(&key_path, secret_for(name)).unwrap();
            let flag = ["--secret-file", &path_str(&key_path)].map(str::to_owned);
            (flag.clone(), flag)
        };
        let now_text = now.to_string();
        let body_arg = path_str(&body_path);
        let mut sign_args = vec![
            "sign",
            "--provider",
            name,
            "--body-file",
            &body_arg,
            "--timestamp",
            &now_text,
            "--url",
            &url,
            "--method",
            &method,
        ];
        sign_args.extend(sign_key.iter().map(String::as_str));
        // Headers a template signs that only the sender knows (Solidgate's merchant id,
        // Hygraph's env item of its signature header).
        let given: Vec<String> = scheme
            .template()
            .parts
            .iter()
            .filter_map(hookcheck::scheme::named_part)
            .filter_map(|h| match h.strip_prefix("item:") {
                Some(item) => Some(format!(
                    "{}: {item}=hookcheck-test",
                    scheme.signature_header()
                )),
                None => (!h.contains(':')).then(|| format!("{h}: hookcheck-test")),
            })
            .collect();
        for header in &given {
            sign_args.extend(["-H", header.as_str()]);
        }
        let run = hookcheck(&sign_args);
        if scheme.algorithm == Algorithm::None {
            if run.code != 2 || !run.stderr.contains("does not sign") {
                failures.push(format!(
                    "{name}: unsigned scheme: exit {} {}",
                    run.code, run.stderr
                ));
            }
            continue;
        }
        if run.code != 0 {
            failures.push(format!("{name}: sign exit {}: {}", run.code, run.stderr));
            continue;
        }
        let mut verify_args = vec![
            "verify",
            "--provider",
            name,
            "--request",
            "-",
            "--now",
            &now_text,
            "--format",
            "json",
        ];
        verify_args.extend(verify_key.iter().map(String::as_str));
        let check = hookcheck_with_stdin(&verify_args, run.stdout.as_bytes());
        if check.code != 0 {
            failures.push(format!(
                "{name}: verify exit {}:\n{}\n{}",
                check.code, run.stdout, check.stdout
            ));
        }
        // Ten minutes later the scheme's window (if any) rejects the same capture.
        signed += 1;
    }
    assert!(
        failures.is_empty(),
        "{} schemes failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(signed > 70, "only {signed} schemes signed");
}

#[test]
fn every_output_format() {
    let secret = "It's a Secret to Everybody";
    let base = [
        "sign",
        "-p",
        "github",
        "--secret",
        secret,
        "--body",
        "Hello, World!",
    ];
    let headers = hookcheck(&[&base[..], &["--format", "headers"]].concat());
    assert_eq!(headers.code, 0, "{}", headers.stderr);
    assert!(headers.stdout.contains(
        "X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    ));
    let curl = hookcheck(
        &[
            &base[..],
            &["--format", "curl", "--url", "http://127.0.0.1:9/h"],
        ]
        .concat(),
    );
    assert!(
        curl.stdout
            .starts_with("curl -sS -X POST 'http://127.0.0.1:9/h'")
    );
    assert!(curl.stdout.contains("--data-binary 'Hello, World!'"));
    let json = hookcheck(&[&base[..], &["--format", "json"]].concat());
    let line: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(line["provider"], "github");
    assert_eq!(line["body"], "Hello, World!");
    // The JSON line is what batch reads.
    let dir = scratch("sign-json");
    let file = dir.join("one.jsonl");
    std::fs::write(&file, &json.stdout).unwrap();
    let batch = hookcheck(&["batch", &path_str(&file), "--secret", secret]);
    assert_eq!(batch.code, 0, "{}{}", batch.stdout, batch.stderr);
    // The default capture over http:// keeps its scheme (absolute-form request target).
    let http = hookcheck(&[&base[..], &["--url", "http://localhost:3000/webhooks?a=1"]].concat());
    assert!(http.stdout.starts_with(
        "POST http://localhost:3000/webhooks?a=1 HTTP/1.1\r\nHost: localhost:3000\r\n"
    ));
}

#[test]
fn sign_refuses_public_keys_empty_keys_and_unsigned_schemes() {
    let dir = scratch("sign-refusals");
    let (_, public) = key_pair(Algorithm::Ed25519);
    let pub_file = dir.join("sender.pub");
    std::fs::write(&pub_file, &public).unwrap();
    let run = hookcheck(&[
        "sign",
        "-p",
        "discord",
        "--body",
        "{}",
        "--private-key-file",
        &path_str(&pub_file),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = hookcheck(&[
        "sign",
        "-p",
        "discord",
        "--body",
        "{}",
        "--public-key-file",
        &path_str(&pub_file),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("public key can only verify"),
        "{}",
        run.stderr
    );
    let pem_pub = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8SrzRgw=\n-----END PUBLIC KEY-----\n";
    std::fs::write(&pub_file, pem_pub).unwrap();
    let run = hookcheck(&[
        "sign",
        "-p",
        "discord",
        "--body",
        "{}",
        "--private-key-file",
        &path_str(&pub_file),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a public key"), "{}", run.stderr);
    // An HMAC secret for a public-key scheme, and the reverse.
    let run = hookcheck(&["sign", "-p", "discord", "--body", "{}", "--secret", "abc"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--private-key-file"), "{}", run.stderr);
    // Empty secrets: as given, and after decoding (whsec_ with nothing after it).
    let empty = dir.join("empty.secret");
    std::fs::write(&empty, "\n").unwrap();
    let run = hookcheck(&[
        "sign",
        "-p",
        "github",
        "--body",
        "{}",
        "--secret-file",
        &path_str(&empty),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = hookcheck(&["sign", "-p", "svix", "--body", "{}", "--secret", "whsec_"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
    let run = hookcheck(&["sign", "-p", "crashtest", "--body", "{}", "--secret", "abc"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not sign"), "{}", run.stderr);
    let run = hookcheck(&["sign", "--body", "{}", "--secret", "abc"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--provider"), "{}", run.stderr);
}

#[test]
fn a_signed_capture_ages_out_of_its_window() {
    let run = hookcheck(&[
        "sign",
        "-p",
        "slack",
        "--secret",
        "8f742231b10e8888abcd99yyyzzz85a5",
        "--body",
        "{}",
        "--timestamp",
        "1763900000",
    ]);
    assert_eq!(run.code, 0);
    let late = hookcheck_with_stdin(
        &[
            "verify",
            "-p",
            "slack",
            "--request",
            "-",
            "--secret",
            "8f742231b10e8888abcd99yyyzzz85a5",
            "--now",
            "1763900600",
            "--format",
            "json",
        ],
        run.stdout.as_bytes(),
    );
    assert_eq!(late.code, 1);
    assert!(
        late.stdout.contains("timestamp_outside_tolerance"),
        "{}",
        late.stdout
    );
}

#[test]
fn custom_schemes_sign_too() {
    let dir = scratch("sign-custom");
    let scheme = dir.join("acme.toml");
    std::fs::write(
        &scheme,
        r#"name = "acme"
title = "Acme"
algorithm = "hmac-sha512"
signed = "{method} {url}|{id}|{timestamp}|{header:X-Acme-Tenant}|{body}"
signature = { headers = ["X-Acme-Signature"], items = ";", pair = ":", keys = ["s1"], encoding = "base64url" }
timestamp = { field = "ts", unit = "milliseconds", tolerance = 60 }
id_headers = ["X-Acme-Delivery"]
secret = "hex"
source = "test"
"#,
    )
    .unwrap();
    let scheme = path_str(&scheme);
    let run = hookcheck(&[
        "sign",
        "--scheme",
        &scheme,
        "--secret",
        "00ff10",
        "--body",
        "{\"k\":1}",
        "-H",
        "X-Acme-Tenant: t-42",
        "--url",
        "https://acme.test",
        "--timestamp",
        "1763900000",
        "--id",
        "d-1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("X-Acme-Signature: ts:1763900000000;s1:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .starts_with("POST / HTTP/1.1\r\nHost: acme.test\r\n"),
        "{}",
        run.stdout
    );
    let check = hookcheck_with_stdin(
        &[
            "verify",
            "--scheme",
            &scheme,
            "--secret",
            "00ff10",
            "--request",
            "-",
            "--now",
            "1763900030",
        ],
        run.stdout.as_bytes(),
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    // Without the header the template signs, sign says which part is missing.
    let run = hookcheck(&[
        "sign", "--scheme", &scheme, "--secret", "00ff10", "--body", "{}",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("X-Acme-Tenant"), "{}", run.stderr);
}
