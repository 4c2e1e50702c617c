//! Property tests of the diagnosis: a re-serialised JSON body is always recognised as such,
//! and a wrong secret never gets a canonicalisation explanation.

use hookcheck::diagnose::json_dialect::{self, Dialect};
use hookcheck::scheme::{Algorithm, registry};
use hookcheck::{CauseCode, Delivery, Headers, Keys, Options, Secret, check, verify};
use proptest::prelude::*;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        (-1000.0f64..1000.0).prop_map(|f| serde_json::json!(f)),
        "[a-zé😀<>&/ \"\\\\\u{2028}]{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-z0-9é]{1,6}", inner), 1..4)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn render(text: &str, dialect: &Dialect) -> Vec<u8> {
    let value = json_dialect::parse(text.as_bytes()).expect("serde_json output parses");
    let mut out = Vec::new();
    json_dialect::render(&value, dialect, &mut out);
    out
}

/// A GitHub-scheme delivery of `sent` whose signature covers `signed`.
fn delivery(signed: &[u8], sent: &[u8], secret: &str) -> Delivery {
    let digest =
        hookcheck::mac::digest(Algorithm::HmacSha256, secret.as_bytes(), &[signed]).unwrap();
    let mut headers = Headers::new();
    headers.push(
        "X-Hub-Signature-256",
        format!("sha256={}", hex::encode(digest)),
    );
    Delivery::new(headers, sent.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn reserialised_json_is_diagnosed(value in json_value(), a in 0..Dialect::ALL.len(), b in 0..Dialect::ALL.len()) {
        let text = serde_json::to_string(&value).unwrap();
        let signed = render(&text, &Dialect::ALL[a]);
        let sent = render(&text, &Dialect::ALL[b]);
        prop_assume!(signed != sent);
        // Only pairs where the received bytes still carry what was signed: Gson drops nulls,
        // JS turns 5.0 into 5, sorting loses the original order; those cannot be undone.
        let value = json_dialect::parse(&sent).unwrap();
        let mut recovered = Vec::new();
        json_dialect::render(&value, &Dialect::ALL[a], &mut recovered);
        prop_assume!(recovered == signed);
        let github = registry::find("github").unwrap();
        let outcome = check(github, &delivery(&signed, &sent, "s3cret"), &Keys::from(Secret::new("s3cret")), &Options::at(0));
        prop_assert!(!outcome.verified);
        let first = outcome.causes.first().map(|c| c.code);
        prop_assert_eq!(first, Some(CauseCode::BodyJsonReserialized), "{:?}", outcome.causes);
    }

    #[test]
    fn wrong_secrets_get_no_explanation(value in json_value(), a in 0..Dialect::ALL.len(), b in 0..Dialect::ALL.len(), wrong in "[!-~]{1,40}") {
        prop_assume!(wrong != "s3cret");
        let text = serde_json::to_string(&value).unwrap();
        let signed = render(&text, &Dialect::ALL[a]);
        let sent = render(&text, &Dialect::ALL[b]);
        let github = registry::find("github").unwrap();
        let outcome = check(github, &delivery(&signed, &sent, "s3cret"), &Keys::from(Secret::new(wrong)), &Options::at(0));
        let codes: Vec<CauseCode> = outcome.causes.iter().map(|c| c.code).collect();
        prop_assert_eq!(codes, vec![CauseCode::SecretMismatch]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Hostile timestamp texts and clocks: never a panic or a wrapped-around age, and a delivery
    /// outside the window never verifies. Debug builds trap overflow, so this runs there.
    #[test]
    fn hostile_timestamps_never_overflow(
        ts in prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            "[-+0-9]{1,25}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})",
            ".{0,30}",
        ],
        now in any::<i64>(),
        provider in prop::sample::select(vec!["stripe", "sanity", "workos", "slack", "box"]),
    ) {
        let scheme = registry::find(provider).unwrap();
        let body = b"{}";
        let digest = hookcheck::mac::digest(Algorithm::HmacSha256, b"k", &[ts.as_bytes(), b".", body]).unwrap();
        let mut headers = Headers::new();
        headers.push("Stripe-Signature", format!("t={ts},v1={}", hex::encode(&digest)));
        headers.push("sanity-webhook-signature", format!("t={ts},v1=AAAA"));
        headers.push("WorkOS-Signature", format!("t={ts}, v1={}", hex::encode(&digest)));
        headers.push("X-Slack-Request-Timestamp", ts.clone());
        headers.push("X-Slack-Signature", "v0=00");
        headers.push("BOX-DELIVERY-TIMESTAMP", ts.clone());
        headers.push("BOX-SIGNATURE-PRIMARY", "AAAA");
        let delivery = Delivery::new(headers, body.to_vec());
        let outcome = verify(scheme, &delivery, &Keys::from(Secret::new("k")), &Options::at(now));
        if let Some(t) = outcome.timestamp {
            prop_assert!(!outcome.verified || t.within);
        }
    }
}
