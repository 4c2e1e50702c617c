//! Signed JWTs: the token's signature with each secret, then its claims as the provider's SDK
//! checks them (see `crate::jwt`).

use crate::input::{Delivery, Keys};
use crate::outcome::{Cause, CauseCode, Detail, Matched, Outcome, Warning, WarningCode};
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
    let token = match crate::jwt::parse(&value, spec) {
        Ok(t) => t,
        Err(reason) => {
            outcome.causes.push(
                Cause::new(
                    CauseCode::SignatureMalformed,
                    format!("{header} is present but is not a JWT this scheme takes: it {reason}"),
                )
                .with(Detail::Header(Some(header)))
                .with(Detail::Reason(reason)),
            );
            return;
        }
    };
    let mut key_index = None;
    for (index, secret) in keys.secrets() {
        match scheme.secret.key(secret.expose()) {
            Ok(key) if token.signed_with(&key) => {
                key_index = Some(index);
                break;
            }
            Ok(_) => {}
            Err(reason) => outcome.warnings.push(Warning::new(
                WarningCode::SecretUnusable,
                format!(
                    "key {} {reason}, which {} requires",
                    index + 1,
                    scheme.secret.id()
                ),
            )),
        }
    }
    let Some(key_index) = key_index else {
        outcome.causes.push(
            Cause::new(
                CauseCode::SecretMismatch,
                format!(
                    "no key verifies the {} JWT in {header}: a different signing key (or the token was altered)",
                    token.alg.id()
                ),
            )
            .with(Detail::Header(Some(header)))
            .with(Detail::Tried(vec![format!(
                    "{} over the token's header.payload with each key ({})",
                    token.alg.id(),
                    scheme.secret.id()
                )]))
            .fix("check the signing key (providers that rotate keys send with the current or the next one: give both)"),
        );
        return;
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
        .with(Detail::Claim(claim)),
        P::BadClaim(claim) => Cause::new(
            CauseCode::SignatureMalformed,
            format!("the JWT in {header} has a `{claim}` claim that is not a number"),
        )
        .with(Detail::Claim(claim)),
        P::Issuer { found, want } => Cause::new(
            CauseCode::WrongProvider,
            format!(
                "the JWT in {header} was issued by {}, not {want}",
                found.as_deref().map_or("nobody (no iss)".to_owned(), |f| format!("`{f}`"))
            ),
        )
        .with(Detail::Issuer(found))
        .with(Detail::Expected(want)),
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
        .with(Detail::Url(want))
        .fix("give the URL the sender was configured with (--url), as the provider signed it"),
        P::BodyHash { claim } => Cause::new(
            CauseCode::BodyHashMismatch,
            format!("the JWT in {header} is signed with your key, but its `{claim}` claim is not the hash of this body: the body was changed after signing"),
        )
        .with(Detail::Claim(claim))
        .fix("verify the raw body bytes as received, before any parsing or re-encoding"),
    }
}
