//! Token schemes: a shared token, or `Basic` credentials, compared with each key.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::input::{Delivery, Keys};
use crate::mac;
use crate::outcome::{Cause, CauseCode, Matched, Outcome};
use crate::scheme::{Algorithm, Scheme};

use super::{Options, Problem, causes};

pub(super) fn check_token(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let header = options
        .token_header
        .clone()
        .unwrap_or_else(|| scheme.signature_header().to_owned());
    // A header, or a field of the JSON body (`body:sharedSecret`: Cisco Meraki).
    let Some(value) = delivery.values(&header).into_iter().next() else {
        outcome.causes.push(causes::problem_cause(
            scheme,
            delivery,
            &Problem::Missing {
                header,
                what: "signature",
            },
        ));
        return;
    };
    let value = value.as_str();
    let word = scheme.signature.auth_scheme.as_deref().unwrap_or("");
    let presented: Vec<u8> = match scheme.algorithm {
        Algorithm::Basic => {
            let encoded = strip_word(value, word).unwrap_or("");
            match STANDARD.decode(encoded.trim()) {
                Ok(bytes) if !encoded.is_empty() => bytes,
                _ => {
                    outcome.causes.push(
                        Cause::new(
                            CauseCode::SignatureMalformed,
                            format!("{header} is not `Basic <base64 of user:password>`"),
                        )
                        .detail("header", header),
                    );
                    return;
                }
            }
        }
        _ => strip_word(value, word).unwrap_or(value).as_bytes().to_vec(),
    };
    if let Some((key_index, _)) = keys
        .secrets()
        .find(|(_, k)| mac::same(k.expose(), &presented))
    {
        outcome.matched = Some(Matched {
            key_index,
            signature_index: 0,
        });
        outcome.verified = true;
    } else {
        let what = if scheme.algorithm == Algorithm::Basic {
            "credentials"
        } else {
            "token"
        };
        outcome.causes.push(
            Cause::new(
                CauseCode::SecretMismatch,
                format!("the {what} in {header} is not the one you gave"),
            )
            .detail("header", header)
            .detail(
                "tried",
                serde_json::json!([format!("{what} compared with each key")]),
            ),
        );
    }
}

/// `Bearer abc` → `abc` (the word is matched without case); None when it is not there.
fn strip_word<'v>(value: &'v str, word: &str) -> Option<&'v str> {
    if word.is_empty() {
        return Some(value);
    }
    let (head, rest) = value.split_once(' ')?;
    head.eq_ignore_ascii_case(word).then(|| rest.trim_start())
}
