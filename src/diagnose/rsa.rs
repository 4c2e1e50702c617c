//! Who made an RSA signature that did not verify. A PKCS#1 v1.5 signature carries the digest it
//! signs, readable with the public key (`crate::rsa_signature::recover`): when a given key made
//! it, the key is right and the signed content differs; when none did, the key is wrong. For a
//! scheme that signs a value only the receiver knows (PayPal's webhook id, `--param`), a right
//! key over other content most likely means that value is wrong: `param_mismatch`.
//!
//! Nothing here decides a verdict; it only words the cause of one already refused.

use crate::asymmetric::VerifyingKey;
use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, Detail, Outcome};
use crate::scheme::{Algorithm, Part, Scheme};
use crate::verify::{Options, Prepared};

/// Which key (numbered from 1) made one of the delivery's signatures, and with which hash;
/// `Some(None)` when the scheme is PKCS#1 v1.5 RSA and no given key made any; None when it
/// cannot be told (another algorithm, no signature read).
fn signer(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
) -> Option<Option<(usize, Algorithm)>> {
    let algorithm = options.algorithm.unwrap_or(scheme.algorithm);
    if !algorithm.is_rsa() || algorithm == Algorithm::RsaPssSha512 {
        return None;
    }
    let prepared = Prepared::new(scheme, delivery, options).ok()?;
    let signatures: Vec<&[u8]> = prepared
        .signatures
        .iter()
        .filter_map(|s| s.bytes.as_deref())
        .collect();
    if signatures.is_empty() {
        return None;
    }
    for (index, key) in keys.public_keys() {
        let Ok(VerifyingKey::Rsa { key, .. }) = crate::asymmetric::parse(algorithm, key) else {
            continue;
        };
        if let Some(found) = signatures
            .iter()
            .find_map(|sig| crate::rsa_signature::recover(&key, sig))
        {
            return Some(Some((index + 1, found.algorithm)));
        }
    }
    Some(None)
}

/// Rewords the `secret_mismatch` of an RSA delivery nothing else explained: the key made the
/// signature over other content (a wrong `--param` value first, for schemes that sign one), or
/// no given key made it.
pub fn refine(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let Some(signer) = signer(scheme, delivery, keys, options) else {
        return;
    };
    let Some(at) = outcome
        .causes
        .iter()
        .position(|c| c.code == CauseCode::SecretMismatch)
    else {
        return;
    };
    let Some((key, algorithm)) = signer else {
        let cause = &mut outcome.causes[at];
        cause.summary = "no key given made this signature (read with each key, it is none of theirs): another certificate or public key signed it, or the signature was altered on the way".to_owned();
        cause.detail.set(Detail::SignedWithKey(None));
        cause.fix = Some(format!(
            "give the certificate or public key {} signs with now (certificates and keys rotate; sandbox and live differ)",
            scheme.title
        ));
        return;
    };
    let template = scheme.template();
    let param = template.parts.iter().find_map(|p| match p {
        Part::Header(name) => name.strip_prefix("param:").filter(|n| !n.ends_with('?')),
        _ => None,
    });
    match param {
        Some(param) => {
            let given = delivery
                .values(&format!("param:{param}"))
                .into_iter()
                .next()
                .unwrap_or_default();
            let tried = outcome.causes[at].detail.iter().find_map(|d| match d {
                Detail::Tried(list) => Some(list.clone()),
                _ => None,
            });
            let mut cause = Cause::new(
                CauseCode::ParamMismatch,
                format!(
                    "key {key} made this signature ({}), but over other content than the one rebuilt with {param}={given:?}: most likely {param} is not the one this delivery was signed for; else the body or the signed headers changed on the way",
                    algorithm.id()
                ),
            )
            .with(Detail::Param(param.to_owned()))
            .with(Detail::Given(given))
            .with(Detail::SignedWithKey(Some(key)))
            .fix(format!(
                "{} signs a `{param}` the delivery does not carry: check --param {param} (`hookcheck providers show {}` says where to find it; sandbox and live differ)",
                scheme.title, scheme.name
            ));
            if let Some(tried) = tried {
                cause = cause.with(Detail::Tried(tried));
            }
            outcome.causes[at] = cause;
        }
        None => {
            let cause = &mut outcome.causes[at];
            cause.summary = format!(
                "key {key} made this signature ({}), but over other content: the key is right, and what it signed was changed on the way or is rebuilt differently here",
                algorithm.id()
            );
            cause.detail.set(Detail::SignedWithKey(Some(key)));
            cause.fix = Some(
                "the key is right: look for what changed in the signed content (the body as received, the signed headers, the URL)"
                    .to_owned(),
            );
        }
    }
}
