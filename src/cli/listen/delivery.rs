//! One delivery: its body read within the limits, verified (detected when no provider was
//! given; diagnosed off the I/O thread on failure), saved, answered (endpoint challenges,
//! the verdict, or the app's own answer with --forward) and logged.

use std::borrow::Cow;
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::Poll;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};

use super::forward::forward;
use super::log::{Logged, log_line};
use super::{State, challenge};
use crate::cli::Respond;
use crate::cli::run::{check_params, system_now};
use crate::cli::usage::UsageError;
use hookcheck::input::{Delivery, Headers, Key, Keys};
use hookcheck::keyfetch::Found;
use hookcheck::outcome::Outcome;
use hookcheck::scheme::Scheme;
use hookcheck::verify::{self, Options};

pub(super) type Reply = Response<Full<Bytes>>;

pub(super) fn reply(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Bytes>,
) -> Reply {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = status;
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    r
}

pub(super) async fn handle(state: Arc<State>, req: Request<Incoming>) -> Result<Reply, Infallible> {
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str();
    let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let query = parts.uri.query().unwrap_or("");
    let mut headers = Headers::new();
    for (name, value) in &parts.headers {
        headers.push(name.as_str(), String::from_utf8_lossy(value.as_bytes()));
    }
    let log = |status: u16, verdict: &str, note: Option<String>| {
        log_line(
            &state,
            &Logged {
                method,
                target,
                provider: None,
                status,
                verdict,
                outcome: None,
                note,
                ms: started.elapsed().as_secs_f64() * 1000.0,
            },
        );
    };

    // Challenges that carry no signature, answered before any body is read.
    if state.forward.is_none() {
        if let Some(answer) = challenge::unsigned(method, query, state.verify_token.as_deref()) {
            let (status, text, verdict) = match answer {
                challenge::Unsigned::Echo { provider, value } => {
                    state.tally.challenges.fetch_add(1, Ordering::Relaxed);
                    (
                        StatusCode::OK,
                        value,
                        format!("{provider} challenge answered"),
                    )
                }
                challenge::Unsigned::Refuse { provider, reason } => {
                    state.tally.not_verified.fetch_add(1, Ordering::Relaxed);
                    (
                        StatusCode::FORBIDDEN,
                        String::new(),
                        format!("{provider} challenge refused: {reason}"),
                    )
                }
            };
            log(status.as_u16(), &verdict, None);
            let mut r = reply(status, "text/plain", text);
            r.headers_mut().insert(
                "x-content-type-options",
                hyper::header::HeaderValue::from_static("nosniff"),
            );
            return Ok(r);
        }
    }

    let body = match read_body(&state, &parts.headers, body, &log).await {
        Ok(body) => body,
        Err(refused) => return Ok(refused),
    };

    let host = headers.get("host").unwrap_or("localhost");
    // The request reached this plain-HTTP listener directly, unless a proxy or tunnel says
    // what the sender used (ngrok and cloudflared send X-Forwarded-Proto: https).
    let url = match headers
        .get("x-forwarded-proto")
        .and_then(|p| p.split(',').next())
    {
        None => format!("http://{host}{target}"),
        Some(p) => format!("{}://{host}{target}", p.trim().to_ascii_lowercase()),
    };
    let delivery = Delivery {
        headers,
        body: body.to_vec(),
        url: Some(url),
        method: Some(method.to_owned()),
        params: state.params.clone(),
        ..Delivery::default()
    };

    // Verify: the same engine and detection as `verify`.
    let mut options = state.options.clone();
    if !state.fixed_now {
        options.now = system_now();
    }
    let mut verification = None;
    let detected = match &state.scheme {
        Some(_) => Ok(None),
        None => {
            let detection = hookcheck::autodetect::resolve(&delivery, &state.keys, &options);
            verification = detection.verification;
            match detection.scheme {
                Some(s) => Ok(Some(s)),
                None => Err("no signature header of any known provider".to_owned()),
            }
        }
    };
    let scheme: Option<&Scheme> = match &detected {
        Ok(Some(s)) => Some(*s),
        Ok(None) => state.scheme.as_ref(),
        Err(_) => None,
    };
    let (delivery, outcome, detect_error, keys) = match (scheme, detected) {
        (Some(_), Ok(found)) => match delivery_keys(&state, found, delivery).await {
            (delivery, Err(e)) => (delivery, None, Some(e), state.keys.clone()),
            (delivery, Ok(keys)) => {
                match check(&state, found, delivery, &keys, options, verification).await {
                    Some((delivery, outcome)) => (delivery, Some(outcome), None, keys.0),
                    None => {
                        log(500, "error: the diagnosis failed", None);
                        return Ok(reply(
                            StatusCode::INTERNAL_SERVER_ERROR,
                            "text/plain",
                            "hookcheck: internal error\n",
                        ));
                    }
                }
            }
        },
        (_, Err(e)) => (delivery, None, Some(e), state.keys.clone()),
        (None, Ok(_)) => (
            delivery,
            None,
            Some("no scheme".to_owned()),
            state.keys.clone(),
        ),
    };
    let verified = outcome.as_ref().is_some_and(|o| o.verified);
    let seq = state.tally.seq.fetch_add(1, Ordering::Relaxed) + 1;
    if let Some(dir) = &state.save {
        let name = format!(
            "{}-{seq:06}-{}-{}.http",
            state.started,
            scheme.map_or("unknown", |s| s.name.as_str()),
            if verified { "verified" } else { "failed" }
        );
        if let Err(e) = std::fs::write(dir.join(&name), hookcheck::sign::to_http(&delivery)) {
            eprintln!(
                "hookcheck: --save {}: {}",
                dir.display(),
                crate::cli::source::io_reason(&e)
            );
        }
    }

    // Endpoint challenges sent signed: answered only when the request verifies.
    let signed_challenge = match (state.forward.is_none(), scheme) {
        (true, Some(s)) => challenge::signed(s, &delivery),
        _ => None,
    };
    let (response, verdict, note) = if let Some(ch) = signed_challenge {
        if verified {
            state.tally.challenges.fetch_add(1, Ordering::Relaxed);
            let key = outcome
                .as_ref()
                .and_then(|o| o.matched)
                .and_then(|m| keys.iter().nth(m.key_index))
                .and_then(|k| match k {
                    Key::Secret(secret) => Some(secret),
                    Key::Public(_) => None,
                });
            let (content_type, text) = ch.answer(key);
            (
                reply(StatusCode::OK, content_type, text),
                Cow::Owned(format!("✓ verified · {} challenge answered", ch.provider())),
                None,
            )
        } else {
            state.tally.not_verified.fetch_add(1, Ordering::Relaxed);
            (
                reply(
                    StatusCode::UNAUTHORIZED,
                    "text/plain",
                    "hookcheck: challenge not verified\n",
                ),
                Cow::Owned(format!(
                    "✗ not verified · {} challenge not answered",
                    ch.provider()
                )),
                None,
            )
        }
    } else {
        if verified {
            state.tally.verified.fetch_add(1, Ordering::Relaxed);
        } else {
            state.tally.not_verified.fetch_add(1, Ordering::Relaxed);
        }
        let verdict = Cow::Borrowed(if verified {
            "✓ verified"
        } else {
            "✗ not verified"
        });
        match &state.forward {
            Some(url) => forward(&state, url, &parts, body.clone(), verdict).await,
            None => {
                let text: Bytes = match (&outcome, &detect_error) {
                    (Some(o), _) if o.verified => Bytes::from_static(b"hookcheck: verified\n"),
                    (Some(o), _) => match o.causes.first() {
                        Some(c) => format!("hookcheck: not verified: {}\n", c.summary).into(),
                        None => Bytes::from_static(b"hookcheck: not verified\n"),
                    },
                    (None, Some(e)) => format!("hookcheck: not verified: {e}\n").into(),
                    (None, None) => Bytes::from_static(b"hookcheck: not verified\n"),
                };
                let status = if verified || state.respond == Respond::Always2xx {
                    StatusCode::OK
                } else {
                    StatusCode::UNAUTHORIZED
                };
                (
                    reply(status, "text/plain", text),
                    verdict,
                    detect_error.clone(),
                )
            }
        }
    };
    log_line(
        &state,
        &Logged {
            method,
            target,
            provider: scheme.map(|s| s.name.as_str()),
            status: response.status().as_u16(),
            verdict: &verdict,
            outcome: outcome.as_ref(),
            note,
            ms: started.elapsed().as_secs_f64() * 1000.0,
        },
    );
    if let Some(max) = state.max_deliveries {
        if seq >= max {
            state.done.notify_one();
        }
    }
    Ok(response)
}

/// What checks a delivery: the server's keys, or those and the certificate it names, with
/// --fetch-keys.
type DeliveryKeys = (Arc<Keys>, Option<Arc<Found>>);

/// The keys that check this delivery: the server's, and with --fetch-keys the certificate it
/// names (read or fetched on the blocking pool the first time, so that the I/O thread keeps
/// serving); or why the delivery cannot be checked.
async fn delivery_keys(
    state: &Arc<State>,
    found: Option<&'static Scheme>,
    delivery: Delivery,
) -> (Delivery, Result<DeliveryKeys, String>) {
    let scheme = found
        .or(state.scheme.as_ref())
        .expect("a scheme was chosen");
    if let Err(e) = check_params(scheme, &delivery) {
        return (delivery, Err(e.message));
    }
    let Some(fetcher) = (state.certificates.as_ref()).filter(|_| scheme.cert_url.is_some()) else {
        return (delivery, Ok((state.keys.clone(), None)));
    };
    let certificate = match fetcher.remembered(scheme, &delivery) {
        Some(remembered) => remembered.map_err(|e| e.to_string()),
        None => {
            let (shared, copy) = (state.clone(), delivery.clone());
            tokio::task::spawn_blocking(move || {
                let scheme = found
                    .or(shared.scheme.as_ref())
                    .expect("a scheme was chosen");
                let fetcher = shared
                    .certificates
                    .as_ref()
                    .expect("certificates are fetched");
                fetcher
                    .certificate(scheme, &copy)
                    .map_err(|e| e.to_string())
            })
            .await
            .unwrap_or_else(|_| Err("the certificate's fetch stopped unexpectedly".to_owned()))
        }
    };
    let keys = certificate
        .map(|found| {
            let mut keys = Keys::clone(&state.keys);
            keys.push(Key::Public(found.key.clone()));
            (Arc::new(keys), Some(found))
        })
        .map_err(|reason| UsageError::from(hookcheck::Error::Certificate(reason)).message);
    (delivery, keys)
}

/// The verdict, diagnosed when it fails: the check itself is microseconds and runs here; a
/// diagnosis can take milliseconds or more, so it runs off the I/O thread. None when the
/// diagnosis failed.
async fn check(
    state: &Arc<State>,
    found: Option<&'static Scheme>,
    mut delivery: Delivery,
    (keys, fetched): &DeliveryKeys,
    options: Options,
    detected: Option<Outcome>,
) -> Option<(Delivery, Outcome)> {
    let scheme = found
        .or(state.scheme.as_ref())
        .expect("a scheme was chosen");
    let quick = Options {
        diagnose: false,
        ..options.clone()
    };
    // Detection's verification stands for this one unless a fetched certificate joined the
    // keys it was made with.
    let mut outcome = match detected.filter(|_| fetched.is_none()) {
        Some(done) => done,
        None => verify::verify(scheme, &delivery, keys, &quick),
    };
    if !outcome.verified && options.diagnose {
        let (shared, keys) = (state.clone(), keys.clone());
        let permit = state.diagnoses.acquire().await.ok();
        let explained = tokio::task::spawn_blocking(move || {
            let scheme = found
                .or(shared.scheme.as_ref())
                .expect("a scheme was chosen");
            let outcome =
                hookcheck::check::check_verified(scheme, &delivery, &keys, &options, outcome);
            (delivery, outcome)
        })
        .await;
        drop(permit);
        (delivery, outcome) = explained.ok()?;
    }
    outcome
        .warnings
        .extend(fetched.as_ref().map(|f| f.warning()));
    Some((delivery, outcome))
}

/// The whole body, within --max-body and --read-timeout; otherwise the refusal to send
/// (413, 400 or 408, the connection closed), already logged and counted.
async fn read_body(
    state: &State,
    headers: &hyper::HeaderMap,
    body: Incoming,
    log: &(dyn Fn(u16, &str, Option<String>) + Sync),
) -> Result<Bytes, Reply> {
    let declared = headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(n) = declared.filter(|&n| n > state.max_body) {
        return Err(refused(
            state,
            log,
            StatusCode::PAYLOAD_TOO_LARGE,
            "rejected: body larger than --max-body",
            Some(format!("{n} bytes declared, limit {}", state.max_body)),
            "hookcheck: body too large\n",
        ));
    }
    let limit = usize::try_from(state.max_body).unwrap_or(usize::MAX);
    // A body that came with its head is read without arming the --read-timeout timer.
    let mut collect = std::pin::pin!(Limited::new(body, limit).collect());
    let read = match std::future::poll_fn(|cx| Poll::Ready(collect.as_mut().poll(cx))).await {
        Poll::Ready(read) => Ok(read),
        Poll::Pending => tokio::time::timeout(state.read_timeout, collect.as_mut()).await,
    };
    match read {
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) => {
            let too_large = e
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some();
            let (status, verdict) = if too_large {
                (
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "rejected: body larger than --max-body",
                )
            } else {
                (
                    StatusCode::BAD_REQUEST,
                    "rejected: the body could not be read",
                )
            };
            Err(refused(
                state,
                log,
                status,
                verdict,
                Some(e.to_string()),
                format!("hookcheck: {verdict}\n"),
            ))
        }
        Err(_) => Err(refused(
            state,
            log,
            StatusCode::REQUEST_TIMEOUT,
            "rejected: body not received within --read-timeout",
            None,
            "hookcheck: body too slow\n",
        )),
    }
}

/// A body refused: counted, logged, and answered with the connection closed, since the rest
/// of the body is not read.
fn refused(
    state: &State,
    log: &(dyn Fn(u16, &str, Option<String>) + Sync),
    status: StatusCode,
    verdict: &str,
    note: Option<String>,
    text: impl Into<Bytes>,
) -> Reply {
    state.tally.rejected.fetch_add(1, Ordering::Relaxed);
    log(status.as_u16(), verdict, note);
    let mut r = reply(status, "text/plain", text);
    r.headers_mut().insert(
        hyper::header::CONNECTION,
        hyper::header::HeaderValue::from_static("close"),
    );
    r
}
