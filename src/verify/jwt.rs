//! Signed JWTs: the token's signature with each secret, then its claims as the provider's SDK
//! checks them (see `crate::jwt`).

use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, Detail, Matched, Outcome};
use crate::scheme::Scheme;

use super::timestamp::human_duration;
use super::{Options, Problem, Tolerance, causes};

/// The JWT family: the token in the signature header, its signature with each secret, then its
/// claims as the provider's SDK checks them (see `crate::jwt`).
pub(super) fn check_jwt(
    scheme: &Scheme,
    delivery: &Delivery,
    keys: &Keys,
    options: &Options,
    outcome: &mut Outcome,
) {
    let Some(spec) = &scheme.jwt else {
        return;
    };
    let (header, value) = if spec.token == crate::jwt::TokenPlace::Body {
        (
            "the body".to_owned(),
            String::from_utf8_lossy(&delivery.body).into_owned(),
        )
    } else {
        let Some(header) = scheme
            .signature
            .headers
            .iter()
            .find(|h| delivery.has(h))
            .cloned()
        else {
            outcome.causes.push(causes::problem_cause(
                scheme,
                delivery,
                &Problem::Missing {
                    header: scheme.signature_header().to_owned(),
                    what: "signature",
                },
            ));
            return;
        };
        let value = delivery
            .values(&header)
            .into_iter()
            .next()
            .unwrap_or_default();
        (header, value)
    };
    let token = match crate::jwt::parse(&value, spec, &delivery.body) {
        Ok(t) => t,
        Err(reason) => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::SignatureMalformed,
                    format!("{header} is present but is not a JWS this scheme takes: it {reason}"),
                )
                .with(Detail::Header(Some(header.clone())))
                .with(Detail::Reason(reason.clone())),
            );
            return;
        }
    };
    let verdict = crate::jwt::verify_with_keys(&token, spec, keys, |index, secret| {
        super::digest::mac_key(scheme, index, secret, &mut outcome.warnings)
    });
    let alg = token.alg.id();
    let key_index = match verdict {
        crate::jwt::KeyVerdict::Verified(index) => index,
        crate::jwt::KeyVerdict::NoKeyOfKind { needed } => {
            let why = if needed == "secret" {
                "a public key never keys an HMAC (that would let anyone who has it forge tokens)"
            } else {
                "a secret never checks a public-key signature"
            };
            outcome.causes.push(
                Cause::new(
                    CauseCode::SecretMismatch,
                    format!("the JWS in {header} is {alg}, which is checked with a {needed}, and none was given: {why}"),
                )
                .with(Detail::Header(Some(header.clone())))
                .with(Detail::Alg(alg.to_owned()))
                .with(Detail::Tried(Vec::new()))
                .fix(format!("give the {needed} {alg} needs, or check that the sender really signs with {alg}")),
            );
            return;
        }
        crate::jwt::KeyVerdict::UnknownKid { kid, known } => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::KeyIdUnknown,
                    format!(
                        "the JWS in {header} names key `{kid}`, which none of the keys given has (they are {})",
                        known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with(Detail::Header(Some(header.clone())))
                .with(Detail::Kid(kid.clone()))
                .with(Detail::Known(known.clone()))
                .fix("give the sender's current key set (after a key rotation, fetch its JWKS again)"),
            );
            return;
        }
        crate::jwt::KeyVerdict::NoneVerified { tried, skipped } => {
            let kind = if token.alg.is_hmac() {
                "secret"
            } else {
                "public key"
            };
            let what = match &token.kid {
                Some(kid) => format!("{alg} JWS (kid `{kid}`)"),
                None => format!("{alg} JWS"),
            };
            let message = if tried == 0 && !skipped.is_empty() {
                format!(
                    "no key given can check the {what} in {header}: {}",
                    skipped.join("; ")
                )
            } else {
                format!(
                    "no key verifies the {what} in {header}: a different signing key (or the token was altered)"
                )
            };
            outcome.causes.push(
                Cause::new(CauseCode::SecretMismatch, message)
                    .with(Detail::Header(Some(header.clone())))
                    .with(Detail::Alg(alg.to_owned()))
                    .with(Detail::Skipped(skipped.clone()))
                    .with(Detail::Tried(vec![format!(
                        "{alg} over the token's signing input with each {kind} that fits it ({tried})"
                    )]))
                    .fix("check the signing key (providers that rotate keys send with the current or the next one: give both)"),
            );
            return;
        }
    };
    let leeway = match options.tolerance {
        Tolerance::Off => None,
        Tolerance::Seconds(s) => Some(s),
        Tolerance::ProviderDefault => Some(spec.leeway),
    };
    let url = delivery.url.as_deref();
    // As for a MAC over a timestamp: the token "matches" when its key and every claim but the
    // time ones hold (diagnosis then knows the body is the signed one); only the clock may
    // still refuse it.
    if token
        .check(spec, options.now, None, url, &delivery.body)
        .is_ok()
    {
        outcome.matched = Some(Matched {
            key_index,
            signature_index: 0,
        });
    }
    match token.check(spec, options.now, leeway, url, &delivery.body) {
        Ok(()) => outcome.verified = true,
        Err(problem) => outcome.causes.push(jwt_cause(&header, problem)),
    }
}

fn jwt_cause(header: &str, problem: crate::jwt::Problem) -> Cause {
    use crate::jwt::Problem as P;
    match problem {
        P::Missing(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} is signed with your key but has no `{claim}` claim, which the scheme requires"),
        )
        .with(Detail::Claim(claim.clone())),
        P::NotJson(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} is signed with your key, but its `{claim}` claim is not a string holding JSON, as the provider's SDK requires"),
        )
        .with(Detail::Claim(claim.clone())),
        P::TooOld { iat, now, max_age } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it was issued {} ago ({} s, iat {iat}); the provider accepts tokens up to {max_age} s old",
                human_duration(now - iat),
                now - iat
            ),
        )
        .with(Detail::TimeClaim { claim: "iat", at: iat })
        .with(Detail::AgeSeconds(now - iat))
        .with(Detail::ToleranceSeconds(max_age.into()))
        .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock"),
        P::BadClaim(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} has a `{claim}` claim that is not a number"),
        )
        .with(Detail::Claim(claim.clone())),
        P::Issuer { found, want } => Cause::new(
            CauseCode::WrongProvider,
            format!(
                "the JWT in {header} was issued by {}, not {want}",
                found.as_deref().map_or("nobody (no iss)".to_owned(), |f| format!("`{f}`"))
            ),
        )
        .with(Detail::Issuer(found))
        .with(Detail::Expected(want.clone())),
        P::Expired { exp, now, leeway } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it expired {} ago (exp {exp}, leeway {leeway} s)",
                human_duration(now - exp)
            ),
        )
        .with(Detail::Exp(exp))
        .with(Detail::AgeSeconds(now - exp))
        .with(Detail::ToleranceSeconds(leeway.into()))
        .fix("a replayed or queued delivery: pass --no-tolerance for old captures, or check the receiver's clock"),
        P::NotYetValid {
            claim,
            at,
            now,
            leeway,
        } => Cause::new(
            CauseCode::TimestampOutsideTolerance,
            format!(
                "the JWT's signature is valid, but it is not valid for another {} ({claim} {at}, leeway {leeway} s)",
                human_duration(at - now)
            ),
        )
        .with(Detail::TimeClaim { claim, at })
        .with(Detail::AgeSeconds(now - at))
        .with(Detail::ToleranceSeconds(leeway.into()))
        .fix("check the receiver's clock, or allow skew with --tolerance"),
        P::Subject { found, want } => Cause::new(
            CauseCode::UrlMismatch,
            format!(
                "the JWT was issued for {}, not this URL ({want})",
                found.as_deref().map_or("no URL (no sub)".to_owned(), |f| format!("`{f}`"))
            ),
        )
        .with(Detail::Sub(found))
        .with(Detail::Url(want.clone()))
        .fix("give the URL the sender was configured with (--url), as the provider signed it"),
        P::BodyHash { claim } => Cause::new(
            CauseCode::BodyHashMismatch,
            format!("the JWT in {header} is signed with your key, but its `{claim}` claim is not the hash of this body: the body was changed after signing"),
        )
        .with(Detail::Claim(claim.clone()))
        .fix("verify the raw body bytes as received, before any parsing or re-encoding"),
    }
}
