//! verify + diagnose on arbitrary deliveries. Invariants:
//! - nothing panics, whatever the scheme, headers, body, keys and clock;
//! - the diagnosis never changes the verdict (`verified` is the same with it on and off);
//! - a delivery signed with the library's HMAC verifies, and changing one byte of its body or
//!   of its signature never does.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hookcheck::mac;
use hookcheck::scheme::{Encoding, SecretFormat, registry};
use hookcheck::{
    Delivery, Headers, Key, Keys, Options, Outcome, PublicKey, Scheme, Secret, Tolerance,
};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Every call into verify, auto-detection and key construction of this target happens here
/// (the key types are about to change: secrets for HMAC/token schemes, public keys for the
/// others). No scheme means auto-detection; None back means detection chose none.
fn check(
    scheme: Option<&Scheme>,
    delivery: &Delivery,
    keys: &[Vec<u8>],
    now: i64,
    tolerance: Option<u64>,
    diagnose: bool,
) -> Option<Outcome> {
    dump(scheme, delivery, keys, now, tolerance);
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

/// With HOOKCHECK_FUZZ_DUMP set (`cargo fuzz run verify_diagnose CRASH` to reproduce), each
/// case is printed as the JSON that `tests/data/fuzz/verify_diagnose/*.json` regression cases
/// use, so a crash input can be kept in a form that outlives this target's byte decoding.
fn dump(
    scheme: Option<&Scheme>,
    delivery: &Delivery,
    keys: &[Vec<u8>],
    now: i64,
    tolerance: Option<u64>,
) {
    if std::env::var_os("HOOKCHECK_FUZZ_DUMP").is_none() {
        return;
    }
    let headers: Vec<[&str; 2]> = delivery.headers.iter().map(|(n, v)| [n, v]).collect();
    let case = serde_json::json!({
        "provider": scheme.map_or("auto", |s| s.name.as_str()),
        "headers": headers,
        "body_base64": STANDARD.encode(&delivery.body),
        "url": delivery.url,
        "method": delivery.method,
        "keys_base64": keys.iter().map(|k| STANDARD.encode(k)).collect::<Vec<_>>(),
        "now": now,
        "tolerance": tolerance,
    });
    eprintln!("HOOKCHECK_FUZZ_CASE {case}");
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = match u.int_in_range(0..=2u8).unwrap_or(0) {
        0 => arbitrary_delivery(&mut u),
        1 => signed(&mut u),
        _ => near_miss(&mut u),
    };
});

/// The verdict with the diagnosis on and off, which must agree.
fn same_verdict(
    scheme: Option<&Scheme>,
    delivery: &Delivery,
    keys: &[Vec<u8>],
    now: i64,
    tolerance: Option<u64>,
) {
    let with = check(scheme, delivery, keys, now, tolerance, true);
    let without = check(scheme, delivery, keys, now, tolerance, false);
    let (with, without) = match (with, without) {
        (Some(with), Some(without)) => (with, without),
        (None, None) => return,
        _ => panic!("auto-detection chose a scheme with the diagnosis on or off only"),
    };
    assert_eq!(
        with.verified, without.verified,
        "the diagnosis changed the verdict: {:?} / {:?}",
        with.causes, without.causes
    );
    // What the CLI prints of an outcome.
    let _ = hookcheck::report::human::render(&with);
    let json = hookcheck::report::json::render(&with);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
}

/// Any scheme of the registry, any headers (names mostly ones the scheme reads), body, keys
/// and clock: no panic, and the diagnosis does not change the verdict.
fn arbitrary_delivery(u: &mut Unstructured) -> Result<()> {
    let scheme = u.choose(registry::all())?;
    let mut names: Vec<&str> = scheme
        .signature
        .headers
        .iter()
        .map(String::as_str)
        .collect();
    names.extend(scheme.timestamp.as_ref().and_then(|t| t.header.as_deref()));
    names.extend(scheme.id_headers.iter().map(String::as_str));
    names.extend(scheme.detect_headers.iter().map(String::as_str));
    names.extend(["Content-Type", "Host", "Authorization"]);
    let mut headers = Headers::new();
    for _ in 0..u.int_in_range(0..=6)? {
        let name: String = if u.ratio(1, 8)? {
            u.arbitrary()?
        } else {
            (*u.choose(&names)?).to_owned()
        };
        // Numbers reach the timestamp parsers; any text reaches the rest.
        let value: String = if u.ratio(1, 4)? {
            u.arbitrary::<i64>()?.to_string()
        } else {
            u.arbitrary()?
        };
        headers.push(name, value);
    }
    let keys: Vec<Vec<u8>> = (0..u.int_in_range(0..=2)?)
        .map(|_| u.arbitrary())
        .collect::<Result<_>>()?;
    let now: i64 = if u.ratio(1, 4)? {
        u.arbitrary()?
    } else {
        1_700_000_000 + i64::from(u.arbitrary::<i32>()?)
    };
    let tolerance: Option<u64> = u.arbitrary()?;
    let url: Option<String> = u.arbitrary()?;
    let method: Option<String> = u.arbitrary()?;
    let body: Vec<u8> = u.arbitrary()?;
    let mut delivery = Delivery::new(headers, body);
    delivery.url = url.map(|path| format!("https://example.test/{path}"));
    delivery.method = method;

    // Auto-detection, which the delivery's own headers steer, in a quarter of the cases.
    let chosen = if u.ratio(1, 4)? { None } else { Some(scheme) };
    same_verdict(chosen, &delivery, &keys, now, tolerance);
    Ok(())
}

/// A correctly signed delivery, then changed the way a proxy, a framework or an attacker
/// would (bytes of the body, a header added or replaced, another key, another clock): where
/// the diagnosis has the most to search, the verdict still does not depend on it.
fn near_miss(u: &mut Unstructured) -> Result<()> {
    let schemes: Vec<&Scheme> = registry::all().iter().filter(|s| signable(s)).collect();
    let scheme = *u.choose(&schemes)?;
    let mut key: Vec<u8> = u.arbitrary()?;
    key.insert(0, b'k');
    // Sometimes a hostile timestamp, signed as it is (the signature is good, the age is not).
    let ts = if u.ratio(1, 4)? {
        u.arbitrary()?
    } else {
        1_700_000_000 + i64::from(u.arbitrary::<u16>()?)
    };
    let mut body: Vec<u8> = u.arbitrary()?;
    let signature = mac::digest(
        scheme.algorithm,
        &key,
        &[&signed_content(scheme, &body, ts)],
    )
    .expect("an HMAC scheme");
    // Or one in place of the signed one.
    let header_ts = if u.ratio(1, 8)? { u.arbitrary()? } else { ts };
    let mut headers = signature_headers(scheme, &signature, header_ts);
    let mut keys = vec![key];
    for _ in 0..u.int_in_range(0..=3)? {
        match u.int_in_range(0..=5u8)? {
            0 if !body.is_empty() => {
                let at = u.choose_index(body.len())?;
                body[at] = u.arbitrary()?;
            }
            1 => body.extend_from_slice(u.choose(&[&b"\n"[..], b"\r\n", b" ", b"}"])?),
            2 => {
                let keep = u.int_in_range(0..=body.len())?;
                body.truncate(keep);
            }
            3 => {
                let value: String = u.arbitrary()?;
                headers.push(scheme.signature_header(), value);
            }
            4 => {
                let value: String = u.arbitrary()?;
                headers.set(scheme.signature_header(), value);
            }
            _ => {
                let mut other = keys[0].clone();
                other.push(u.arbitrary()?);
                keys.push(other);
            }
        }
    }
    let now = if u.ratio(1, 4)? {
        u.arbitrary()?
    } else {
        ts.saturating_add(i64::from(u.arbitrary::<i16>()?))
    };
    let tolerance: Option<u64> = u.arbitrary()?;
    let delivery = Delivery::new(headers, body);
    same_verdict(Some(scheme), &delivery, &keys, now, tolerance);
    Ok(())
}

/// Schemes a delivery can be signed for here: HMAC of the raw body in one plain header, and
/// Stripe and Slack for timestamped templates.
fn signable(scheme: &Scheme) -> bool {
    if matches!(scheme.name.as_str(), "stripe" | "slack") {
        return true;
    }
    let header = scheme.signature_header();
    scheme.algorithm.is_hmac()
        && scheme.signed == "{body}"
        && scheme.timestamp.is_none()
        && scheme.signature.items.is_none()
        && scheme.signature.headers.len() == 1
        && matches!(
            scheme.signature.encoding,
            Encoding::Hex | Encoding::Base64 | Encoding::Base64url
        )
        && scheme.secret == SecretFormat::Utf8
        && scheme.also_signs.is_empty()
        // Headers the provider's verifier insists on (Shopify's topic) are not made here.
        && scheme.required_headers.is_empty()
        && scheme.required_values.is_empty()
        && !scheme.url_port_variants
        && scheme.body_hash_param.is_none()
        && !header.starts_with("body:")
        && !header.starts_with("query:")
}

fn signed_content(scheme: &Scheme, body: &[u8], ts: i64) -> Vec<u8> {
    let prefix = match scheme.name.as_str() {
        "stripe" => format!("{ts}."),
        "slack" => format!("v0:{ts}:"),
        _ => String::new(),
    };
    [prefix.as_bytes(), body].concat()
}

fn signature_headers(scheme: &Scheme, signature: &[u8], ts: i64) -> Headers {
    let mut headers = Headers::new();
    match scheme.name.as_str() {
        "stripe" => headers.push(
            "Stripe-Signature",
            format!("t={ts},v1={}", hex::encode(signature)),
        ),
        "slack" => {
            headers.push("X-Slack-Request-Timestamp", ts.to_string());
            headers.push(
                "X-Slack-Signature",
                format!("v0={}", hex::encode(signature)),
            );
        }
        _ => {
            let text = match scheme.signature.encoding {
                Encoding::Hex => hex::encode(signature),
                Encoding::Base64 => STANDARD.encode(signature),
                _ => URL_SAFE_NO_PAD.encode(signature),
            };
            let prefix = scheme.signature.prefix.as_deref().unwrap_or("");
            headers.push(scheme.signature_header(), format!("{prefix}{text}"));
        }
    }
    headers
}

fn signed(u: &mut Unstructured) -> Result<()> {
    let schemes: Vec<&Scheme> = registry::all().iter().filter(|s| signable(s)).collect();
    let scheme = *u.choose(&schemes)?;
    // Never empty: an empty key is refused outright.
    let mut key: Vec<u8> = u.arbitrary()?;
    key.insert(0, b'k');
    let ts = 1_700_000_000 + i64::from(u.arbitrary::<u16>()?);
    let now = ts + i64::from(u.int_in_range(0..=120)?);
    let body: Vec<u8> = u.arbitrary()?;
    let signature = mac::digest(
        scheme.algorithm,
        &key,
        &[&signed_content(scheme, &body, ts)],
    )
    .expect("an HMAC scheme");
    let keys = [key];

    let good = Delivery::new(signature_headers(scheme, &signature, ts), body.clone());
    let outcome = check(Some(scheme), &good, &keys, now, None, false).expect("a scheme");
    assert!(
        outcome.verified,
        "{} did not verify its own signature: {:?}",
        scheme.name, outcome.causes
    );

    let flip: u8 = u.int_in_range(1..=255)?;
    if !body.is_empty() {
        let at = u.choose_index(body.len())?;
        let mut changed = good.clone();
        changed.body[at] ^= flip;
        for diagnose in [false, true] {
            let outcome =
                check(Some(scheme), &changed, &keys, now, None, diagnose).expect("a scheme");
            assert!(
                !outcome.verified,
                "{}: body byte {at} changed and it still verifies",
                scheme.name
            );
        }
    }
    let at = u.choose_index(signature.len())?;
    let mut forged = signature.clone();
    forged[at] ^= flip;
    let changed = Delivery::new(signature_headers(scheme, &forged, ts), body);
    for diagnose in [false, true] {
        let outcome = check(Some(scheme), &changed, &keys, now, None, diagnose).expect("a scheme");
        assert!(
            !outcome.verified,
            "{}: signature byte {at} changed and it still verifies",
            scheme.name
        );
    }
    Ok(())
}
