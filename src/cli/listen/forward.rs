//! `--forward`: the delivery relayed as received to the developer's app, and the app's
//! answer relayed back to the sender.

use std::borrow::Cow;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Response, StatusCode};

use super::delivery::{Reply, reply};
use super::{State, client};

/// Relays the delivery to the app and its answer back: (response, verdict, note).
pub(super) async fn forward(
    state: &State,
    url: &str,
    parts: &hyper::http::request::Parts,
    body: Bytes,
    verdict: Cow<'static, str>,
) -> (Reply, Cow<'static, str>, Option<String>) {
    let headers = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()));
    match client::request(
        &state.client,
        parts.method.as_str(),
        url,
        headers,
        body,
        Duration::from_secs(30),
    )
    .await
    {
        Ok(app) => {
            state.tally.forwarded.fetch_add(1, Ordering::Relaxed);
            let mut r = Response::new(Full::new(app.body));
            *r.status_mut() = StatusCode::from_u16(app.status).unwrap_or(StatusCode::BAD_GATEWAY);
            for (name, value) in app.headers {
                if client::hop_by_hop(&name) {
                    continue;
                }
                if let (Ok(n), Ok(v)) = (
                    hyper::header::HeaderName::from_bytes(name.as_bytes()),
                    hyper::header::HeaderValue::from_bytes(&value),
                ) {
                    r.headers_mut().append(n, v);
                }
            }
            let note = format!("→ app {}", app.status);
            (r, verdict, Some(note))
        }
        Err(e) => {
            state.tally.forward_errors.fetch_add(1, Ordering::Relaxed);
            (
                reply(
                    StatusCode::BAD_GATEWAY,
                    "text/plain",
                    format!("hookcheck: forwarding failed: {e}\n"),
                ),
                verdict,
                Some(format!("→ app unreachable: {e}")),
            )
        }
    }
}
