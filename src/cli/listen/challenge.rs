//! The endpoint challenges providers send before they deliver anything.
//!
//! - Slack `url_verification`: echo `challenge` (signed like any event).
//! - Zoom `endpoint.url_validation`: answer `plainToken` and its hex HMAC-SHA256 under the
//!   secret token (signed like any event).
//! - Twitch `webhook_callback_verification`: echo `challenge` as text (signed).
//! - Dropbox `GET ?challenge=`: echo it (unsigned).
//! - Meta `GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`: echo the challenge
//!   when the verify token is the one given with `--verify-token` (unsigned).
//! - Microsoft Graph `?validationToken=`: echo it as text (unsigned).

use hookcheck::input::{Delivery, Secret};
use hookcheck::scheme::{Algorithm, Scheme};

/// An unsigned challenge: answered, or refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsigned {
    Echo {
        provider: &'static str,
        value: String,
    },
    Refuse {
        provider: &'static str,
        reason: String,
    },
}

fn param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The challenge carried by the request line alone, if any.
pub fn unsigned(method: &str, query: &str, verify_token: Option<&str>) -> Option<Unsigned> {
    if let Some(token) = param(query, "validationToken") {
        return Some(Unsigned::Echo {
            provider: "Microsoft Graph",
            value: token,
        });
    }
    if method != "GET" {
        return None;
    }
    if param(query, "hub.mode").as_deref() == Some("subscribe") {
        let challenge = param(query, "hub.challenge")?;
        let given = param(query, "hub.verify_token").unwrap_or_default();
        return Some(match verify_token {
            None => Unsigned::Refuse {
                provider: "Meta",
                reason: "no --verify-token given to compare hub.verify_token with".to_owned(),
            },
            Some(want) if hookcheck::mac::same(want.as_bytes(), given.as_bytes()) => {
                Unsigned::Echo {
                    provider: "Meta",
                    value: challenge,
                }
            }
            Some(_) => Unsigned::Refuse {
                provider: "Meta",
                reason: "hub.verify_token is not the --verify-token given".to_owned(),
            },
        });
    }
    param(query, "challenge").map(|value| Unsigned::Echo {
        provider: "Dropbox",
        value,
    })
}

/// A challenge sent as a signed delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signed {
    Slack(String),
    Zoom(String),
    Twitch(String),
}

impl Signed {
    pub fn provider(&self) -> &'static str {
        match self {
            Signed::Slack(_) => "Slack url_verification",
            Signed::Zoom(_) => "Zoom endpoint.url_validation",
            Signed::Twitch(_) => "Twitch webhook_callback_verification",
        }
    }

    /// (Content-Type, body) of the answer; Zoom's needs the secret that verified the request.
    pub fn answer(&self, key: Option<&Secret>) -> (&'static str, String) {
        match self {
            Signed::Slack(c) | Signed::Twitch(c) => ("text/plain", c.clone()),
            Signed::Zoom(plain) => {
                let encrypted = key
                    .and_then(|k| {
                        hookcheck::mac::digest(
                            Algorithm::HmacSha256,
                            k.expose(),
                            &[plain.as_bytes()],
                        )
                    })
                    .map(hex::encode)
                    .unwrap_or_default();
                (
                    "application/json",
                    serde_json::json!({"plainToken": plain, "encryptedToken": encrypted})
                        .to_string(),
                )
            }
        }
    }
}

/// The signed challenge this delivery is, if it is one.
pub fn signed(scheme: &Scheme, delivery: &Delivery) -> Option<Signed> {
    if delivery
        .headers
        .get("Twitch-Eventsub-Message-Type")
        .is_some_and(|t| t.trim() == "webhook_callback_verification")
    {
        let body: serde_json::Value = serde_json::from_slice(&delivery.body).ok()?;
        return body["challenge"]
            .as_str()
            .map(|c| Signed::Twitch(c.to_owned()));
    }
    // Only JSON bodies naming a challenge can be one; skip the parse for everything else
    // (every delivery passes here).
    let names_one = |word: &[u8]| delivery.body.windows(word.len()).any(|w| w == word);
    if !delivery.body.trim_ascii_start().starts_with(b"{")
        || scheme.algorithm == Algorithm::None
        || !(names_one(b"url_verification") || names_one(b"endpoint.url_validation"))
    {
        return None;
    }
    let body: serde_json::Value = serde_json::from_slice(&delivery.body).ok()?;
    if body["type"] == "url_verification" {
        return body["challenge"]
            .as_str()
            .map(|c| Signed::Slack(c.to_owned()));
    }
    if body["event"] == "endpoint.url_validation" {
        return body["payload"]["plainToken"]
            .as_str()
            .map(|c| Signed::Zoom(c.to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsigned_challenges() {
        assert_eq!(
            unsigned("GET", "challenge=abc", None),
            Some(Unsigned::Echo {
                provider: "Dropbox",
                value: "abc".into()
            })
        );
        assert_eq!(
            unsigned("POST", "validationToken=a%20b", None),
            Some(Unsigned::Echo {
                provider: "Microsoft Graph",
                value: "a b".into()
            })
        );
        let meta = "hub.mode=subscribe&hub.challenge=123&hub.verify_token=tok";
        assert!(matches!(
            unsigned("GET", meta, Some("tok")),
            Some(Unsigned::Echo { .. })
        ));
        assert!(matches!(
            unsigned("GET", meta, Some("other")),
            Some(Unsigned::Refuse { .. })
        ));
        assert!(matches!(
            unsigned("GET", meta, None),
            Some(Unsigned::Refuse { .. })
        ));
        assert_eq!(unsigned("POST", "challenge=abc", None), None);
    }

    #[test]
    fn zoom_answer_is_the_hmac_of_the_plain_token() {
        let (_, text) = Signed::Zoom("qgg8vlvZRS6UYooatFL8Aw".into())
            .answer(Some(&Secret::new("secret_token")));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let want = hex::encode(
            hookcheck::mac::digest(
                Algorithm::HmacSha256,
                b"secret_token",
                &[b"qgg8vlvZRS6UYooatFL8Aw"],
            )
            .unwrap(),
        );
        assert_eq!(v["encryptedToken"], want.as_str());
    }
}
