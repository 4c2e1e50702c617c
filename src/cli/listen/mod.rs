//! `hookcheck listen`: a local receiver (hyper on tokio) that verifies every delivery with the
//! same engine, detection and diagnosis as `verify`, answers the providers' endpoint
//! challenges once the challenge request verifies, and can relay to the developer's app.

pub mod challenge;
pub mod client;

use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::ArgMatches;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use crate::cli::exit::Exit;
use crate::cli::run::{load_scheme, options_from, read_keys, system_now};
use crate::cli::source::StdinGuard;
use crate::cli::usage::UsageError;
use crate::cli::{Format, ListenArgs, Respond};
use hookcheck::input::{Delivery, Headers, Key, Keys};
use hookcheck::outcome::Outcome;
use hookcheck::report;
use hookcheck::scheme::Scheme;
use hookcheck::verify::{self, Options};

/// Everything a connection needs, shared by all of them.
pub struct State {
    pub scheme: Option<Scheme>,
    pub keys: Keys,
    pub options: Options,
    /// `--now` given: verify as of it instead of the clock.
    pub fixed_now: bool,
    pub forward: Option<String>,
    pub client: client::Client,
    pub save: Option<PathBuf>,
    pub max_body: u64,
    pub read_timeout: Duration,
    pub respond: Respond,
    pub verify_token: Option<String>,
    pub format: Format,
    pub quiet: bool,
    pub tally: Tally,
    pub max_deliveries: Option<u64>,
    pub done: tokio::sync::Notify,
    /// `20261130T120000`: when this server started, the prefix of its --save files, so a
    /// second run into the same directory adds files instead of replacing them.
    pub started: String,
    /// Log lines not yet written: lines of deliveries handled in the same turn of the event
    /// loop leave in one write.
    pub log: std::sync::Mutex<Vec<u8>>,
    pub log_ready: tokio::sync::Notify,
    /// Diagnoses running at once: a burst of failing deliveries queues here instead of
    /// starting a thread each.
    pub diagnoses: tokio::sync::Semaphore,
}

/// Counts for the closing line.
#[derive(Default)]
pub struct Tally {
    pub seq: AtomicU64,
    pub verified: AtomicU64,
    pub not_verified: AtomicU64,
    pub challenges: AtomicU64,
    pub rejected: AtomicU64,
    pub forwarded: AtomicU64,
    pub forward_errors: AtomicU64,
}

impl Tally {
    fn get(n: &AtomicU64) -> u64 {
        n.load(Ordering::Relaxed)
    }

    pub fn line(&self) -> String {
        let total =
            Self::get(&self.verified) + Self::get(&self.not_verified) + Self::get(&self.challenges);
        format!(
            "{total} {}: {} verified, {} not verified, {} challenges answered, {} rejected (400/408/413), {} forwarded{}",
            if total == 1 { "delivery" } else { "deliveries" },
            Self::get(&self.verified),
            Self::get(&self.not_verified),
            Self::get(&self.challenges),
            Self::get(&self.rejected),
            Self::get(&self.forwarded),
            match Self::get(&self.forward_errors) {
                0 => String::new(),
                n => format!(", {n} forward errors"),
            }
        )
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "verified": Self::get(&self.verified),
            "not_verified": Self::get(&self.not_verified),
            "challenges": Self::get(&self.challenges),
            "rejected": Self::get(&self.rejected),
            "forwarded": Self::get(&self.forwarded),
            "forward_errors": Self::get(&self.forward_errors),
        })
    }
}

pub fn command(args: &ListenArgs, matches: &ArgMatches) -> Result<Exit, UsageError> {
    let stdin = StdinGuard::default();
    let mut warnings = Vec::new();
    let keys = read_keys(&args.check.keys, matches, &stdin, &mut warnings)?;
    let scheme = load_scheme(&args.check.scheme)?;
    if keys.is_empty()
        && scheme
            .as_ref()
            .is_none_or(|s| s.algorithm != hookcheck::scheme::Algorithm::None)
    {
        return Err(UsageError::new(
            "no_key",
            "no key given: listen verifies every delivery, so pass --secret-file FILE (or --public-key-file for Ed25519/ECDSA schemes)",
        ));
    }
    if let Some(scheme) = &scheme {
        // As for `verify`: a key of the wrong kind, or one that decodes to nothing, is refused.
        crate::cli::run::check_keys_fit(scheme, &keys)?;
    }
    let addr: SocketAddr = args.bind.parse().map_err(|_| {
        UsageError::input(
            format!("--bind '{}'", args.bind),
            "is not ADDRESS:PORT (e.g. 127.0.0.1:8787)",
        )
    })?;
    if !addr.ip().is_loopback() && !args.public {
        return Err(UsageError::new(
            "usage",
            format!("--bind {addr} is reachable from other machines: add --public if you mean it"),
        ));
    }
    if let Some(url) = &args.forward {
        if !(url.starts_with("http://") || url.starts_with("https://"))
            || url.parse::<hyper::Uri>().is_err()
        {
            return Err(UsageError::input(
                format!("--forward '{url}'"),
                "is not an http:// or https:// URL (e.g. http://localhost:3000/webhooks)",
            ));
        }
    }
    if let Some(dir) = &args.save {
        std::fs::create_dir_all(dir).map_err(|e| {
            UsageError::input(
                format!("--save '{}'", dir.display()),
                crate::cli::source::io_reason(&e),
            )
        })?;
    }
    let options = options_from(&args.check);
    // One I/O thread: per delivery, verification costs microseconds and the syscalls
    // dominate; a multi-threaded scheduler adds a futex wake-up to nearly every request
    // (measured with strace). Diagnoses run on tokio's blocking pool.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| UsageError::new("runtime", format!("starting the server: {e}")))?;
    let state = Arc::new(State {
        scheme,
        keys,
        options,
        fixed_now: args.check.time.now.is_some(),
        forward: args.forward.clone(),
        client: runtime.block_on(async { client::new_client() }),
        save: args.save.clone(),
        max_body: args.max_body,
        read_timeout: Duration::from_secs(args.read_timeout.max(1)),
        respond: args.respond,
        verify_token: args.verify_token.clone(),
        format: args.check.output.format,
        quiet: args.check.output.quiet,
        tally: Tally::default(),
        max_deliveries: args.max_deliveries,
        done: tokio::sync::Notify::new(),
        started: hookcheck::sign::rfc3339(system_now())
            .replace(['-', ':'], "")
            .trim_end_matches('Z')
            .to_owned(),
        log: std::sync::Mutex::new(Vec::new()),
        log_ready: tokio::sync::Notify::new(),
        diagnoses: tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(2, |n| n.get()),
        ),
    });
    if args.check.output.format == Format::Human {
        crate::cli::color::apply(args.check.output.color);
    }
    let header_timeout = Duration::from_secs(args.header_timeout.max(1));
    runtime.block_on(serve(state, addr, header_timeout, !addr.ip().is_loopback()))
}

async fn serve(
    state: Arc<State>,
    addr: SocketAddr,
    header_timeout: Duration,
    public: bool,
) -> Result<Exit, UsageError> {
    let listener = TcpListener::bind(addr).await.map_err(|e| {
        UsageError::new(
            "bind",
            format!("--bind {addr}: {}", crate::cli::source::io_reason(&e)),
        )
    })?;
    let local = listener.local_addr().unwrap_or(addr);
    if public {
        eprintln!("hookcheck: warning: listening on {local}, reachable from other machines");
    }
    eprintln!(
        "hookcheck listen: http://{local}{} · Ctrl-C to stop",
        match &state.forward {
            Some(url) => format!(" → {url}"),
            None => String::new(),
        }
    );
    let writer_state = state.clone();
    let writer = tokio::spawn(async move {
        loop {
            writer_state.log_ready.notified().await;
            // Let the other ready connections add their lines first.
            tokio::task::yield_now().await;
            flush_log(&writer_state);
        }
    });
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(a) => a,
                    Err(_) => {
                        // Out of descriptors or similar: back off instead of spinning.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let state = state.clone();
                let mut stop = stop_rx.clone();
                connections.spawn(async move {
                    let service_state = state.clone();
                    let service = service_fn(move |req| handle(service_state.clone(), req));
                    let mut builder = http1::Builder::new();
                    builder
                        .timer(TokioTimer::new())
                        .header_read_timeout(header_timeout)
                        .keep_alive(true);
                    let conn = builder.serve_connection(TokioIo::new(stream), service);
                    tokio::pin!(conn);
                    let mut stopping = false;
                    loop {
                        tokio::select! {
                            result = conn.as_mut() => {
                                if let Err(e) = result {
                                    connection_error(&state, peer, &e);
                                }
                                break;
                            }
                            _ = stop.changed(), if !stopping => {
                                stopping = true;
                                conn.as_mut().graceful_shutdown();
                            }
                        }
                    }
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = &mut ctrl_c => break,
            () = state.done.notified() => break,
        }
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.abort_all();
    writer.abort();
    if state.format == Format::Json && !state.quiet {
        emit(
            &state,
            &format!("{}\n", serde_json::json!({ "tally": state.tally.json() })),
        );
    }
    flush_log(&state);
    eprintln!("hookcheck listen: stopped · {}", state.tally.line());
    Ok(Exit::Verified)
}

/// A connection that ended in an error: malformed HTTP (hyper answered 400), a client too
/// slow with its head, or one that went away.
fn connection_error(state: &State, peer: SocketAddr, e: &hyper::Error) {
    let what = if e.is_parse() || e.is_parse_status() {
        "malformed request (answered 400)"
    } else if e.is_timeout() {
        "request head not received in time (closed)"
    } else if e.is_incomplete_message() {
        "connection closed mid-request"
    } else {
        return;
    };
    state.tally.rejected.fetch_add(1, Ordering::Relaxed);
    if state.quiet {
        return;
    }
    match state.format {
        Format::Json => emit(
            state,
            &format!(
                "{}\n",
                serde_json::json!({"time": now_text(), "peer": peer.to_string(), "rejected": what, "error": e.to_string()})
            ),
        ),
        Format::Human => emit(state, &format!("{} {peer} {what}: {e}\n", now_text())),
    }
}

type Reply = Response<Full<Bytes>>;

fn reply(status: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Reply {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = status;
    if let Ok(v) = hyper::header::HeaderValue::from_str(content_type) {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    r
}

/// What happened to one delivery, for its log line.
struct Logged<'a> {
    method: &'a str,
    target: &'a str,
    provider: Option<&'a str>,
    status: u16,
    verdict: &'a str,
    outcome: Option<&'a Outcome>,
    note: Option<String>,
    ms: f64,
}

async fn handle(state: Arc<State>, req: Request<Incoming>) -> Result<Reply, Infallible> {
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_owned();
    let target = parts
        .uri
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let query = parts.uri.query().unwrap_or("").to_owned();
    let mut headers = Headers::new();
    for (name, value) in &parts.headers {
        headers.push(name.as_str(), String::from_utf8_lossy(value.as_bytes()));
    }
    let log = |status: u16, verdict: &str, note: Option<String>| {
        log_line(
            &state,
            &Logged {
                method: &method,
                target: &target,
                provider: None,
                status,
                verdict,
                outcome: None,
                note,
                ms: started.elapsed().as_secs_f64() * 1000.0,
            },
        )
    };

    // Challenges that carry no signature, answered before any body is read.
    if state.forward.is_none() {
        if let Some(answer) = challenge::unsigned(&method, &query, state.verify_token.as_deref()) {
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

    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.max_body) {
        state.tally.rejected.fetch_add(1, Ordering::Relaxed);
        log(
            413,
            "rejected: body larger than --max-body",
            Some(format!(
                "{} bytes declared, limit {}",
                declared.unwrap_or(0),
                state.max_body
            )),
        );
        let mut r = reply(
            StatusCode::PAYLOAD_TOO_LARGE,
            "text/plain",
            "hookcheck: body too large\n",
        );
        r.headers_mut().insert(
            hyper::header::CONNECTION,
            hyper::header::HeaderValue::from_static("close"),
        );
        return Ok(r);
    }
    let limit = usize::try_from(state.max_body).unwrap_or(usize::MAX);
    let body =
        match tokio::time::timeout(state.read_timeout, Limited::new(body, limit).collect()).await {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(e)) => {
                state.tally.rejected.fetch_add(1, Ordering::Relaxed);
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
                log(status.as_u16(), verdict, Some(e.to_string()));
                let mut r = reply(status, "text/plain", format!("hookcheck: {verdict}\n"));
                r.headers_mut().insert(
                    hyper::header::CONNECTION,
                    hyper::header::HeaderValue::from_static("close"),
                );
                return Ok(r);
            }
            Err(_) => {
                state.tally.rejected.fetch_add(1, Ordering::Relaxed);
                log(
                    408,
                    "rejected: body not received within --read-timeout",
                    None,
                );
                let mut r = reply(
                    StatusCode::REQUEST_TIMEOUT,
                    "text/plain",
                    "hookcheck: body too slow\n",
                );
                r.headers_mut().insert(
                    hyper::header::CONNECTION,
                    hyper::header::HeaderValue::from_static("close"),
                );
                return Ok(r);
            }
        };

    let host = headers.get("host").unwrap_or("localhost").to_owned();
    // The request reached this plain-HTTP listener directly, unless a proxy or tunnel says
    // what the sender used (ngrok and cloudflared send X-Forwarded-Proto: https).
    let proto = headers
        .get("x-forwarded-proto")
        .and_then(|p| p.split(',').next())
        .map_or("http".to_owned(), |p| p.trim().to_ascii_lowercase());
    let delivery = Delivery {
        headers,
        body: body.to_vec(),
        url: Some(format!("{proto}://{host}{target}")),
        method: Some(method.clone()),
        timestamp_override: None,
    };

    // Verify: the same engine and detection as `verify`.
    let mut options = state.options.clone();
    if !state.fixed_now {
        options.now = system_now();
    }
    let detected = match &state.scheme {
        Some(_) => Ok(None),
        None => match hookcheck::autodetect::resolve(&delivery, &state.keys, &options).scheme {
            Some(s) => Ok(Some(s)),
            None => Err("no signature header of any known provider".to_owned()),
        },
    };
    let scheme: Option<&Scheme> = match &detected {
        Ok(Some(s)) => Some(*s),
        Ok(None) => state.scheme.as_ref(),
        Err(_) => None,
    };
    let (delivery, outcome, detect_error) = match (scheme, detected) {
        (Some(s), Ok(found)) => {
            // The check itself is microseconds and runs here; a diagnosis can take
            // milliseconds or more, so it runs off the I/O thread.
            let quick = Options {
                diagnose: false,
                ..options.clone()
            };
            let outcome = verify::verify(s, &delivery, &state.keys, &quick);
            if outcome.verified || !options.diagnose {
                (delivery, Some(outcome), None)
            } else {
                let shared = state.clone();
                let permit = state.diagnoses.acquire().await.ok();
                let explain = tokio::task::spawn_blocking(move || {
                    let scheme = found
                        .or(shared.scheme.as_ref())
                        .expect("a scheme was chosen");
                    let outcome = hookcheck::check(scheme, &delivery, &shared.keys, &options);
                    (delivery, outcome)
                });
                let explained = explain.await;
                drop(permit);
                match explained {
                    Ok((delivery, outcome)) => (delivery, Some(outcome), None),
                    Err(_) => {
                        log(500, "error: the diagnosis failed", None);
                        return Ok(reply(
                            StatusCode::INTERNAL_SERVER_ERROR,
                            "text/plain",
                            "hookcheck: internal error\n",
                        ));
                    }
                }
            }
        }
        (_, Err(e)) => (delivery, None, Some(e)),
        (None, Ok(_)) => (delivery, None, Some("no scheme".to_owned())),
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
                .and_then(|m| state.keys.iter().nth(m.key_index))
                .and_then(|k| match k {
                    Key::Secret(secret) => Some(secret),
                    Key::Public(_) => None,
                });
            let (content_type, text) = ch.answer(key);
            (
                reply(StatusCode::OK, content_type, text),
                format!("✓ verified · {} challenge answered", ch.provider()),
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
                format!("✗ not verified · {} challenge not answered", ch.provider()),
                None,
            )
        }
    } else {
        if verified {
            state.tally.verified.fetch_add(1, Ordering::Relaxed);
        } else {
            state.tally.not_verified.fetch_add(1, Ordering::Relaxed);
        }
        let verdict = if verified {
            "✓ verified"
        } else {
            "✗ not verified"
        }
        .to_owned();
        match &state.forward {
            Some(url) => forward(&state, url, &parts, body.clone(), verdict).await,
            None => {
                let summary = match (&outcome, &detect_error) {
                    (Some(o), _) if o.verified => "verified".to_owned(),
                    (Some(o), _) => o.causes.first().map_or("not verified".to_owned(), |c| {
                        format!("not verified: {}", c.summary)
                    }),
                    (None, Some(e)) => format!("not verified: {e}"),
                    (None, None) => "not verified".to_owned(),
                };
                let status = if verified || state.respond == Respond::Always2xx {
                    StatusCode::OK
                } else {
                    StatusCode::UNAUTHORIZED
                };
                (
                    reply(status, "text/plain", format!("hookcheck: {summary}\n")),
                    verdict,
                    detect_error.clone(),
                )
            }
        }
    };
    log_line(
        &state,
        &Logged {
            method: &method,
            target: &target,
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

/// Relays the delivery to the app and its answer back: (response, verdict, note).
async fn forward(
    state: &State,
    url: &str,
    parts: &hyper::http::request::Parts,
    body: Bytes,
    verdict: String,
) -> (Reply, String, Option<String>) {
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

fn now_text() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let text = hookcheck::sign::rfc3339(i64::try_from(now.as_secs()).unwrap_or(0));
    text[11..19].to_owned()
}

fn log_line(state: &State, l: &Logged) {
    if state.quiet {
        return;
    }
    match state.format {
        Format::Json => {
            let mut line = serde_json::json!({
                "time": now_text(),
                "method": l.method,
                "path": l.target,
                "provider": l.provider,
                "status": l.status,
                "verdict": l.verdict,
                "ms": (l.ms * 100.0).round() / 100.0,
            });
            if let Some(note) = &l.note {
                line["note"] = serde_json::Value::String(note.clone());
            }
            if let Some(o) = l.outcome {
                line["verified"] = serde_json::Value::Bool(o.verified);
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&report::json::render(o)) {
                    line["outcome"] = v;
                }
            }
            emit(state, &format!("{line}\n"));
        }
        Format::Human => {
            let mut text = format!(
                "{} {} {} {} {} {}{}\n",
                now_text(),
                l.method,
                hookcheck::escape::for_terminal(l.target),
                l.provider.unwrap_or("-"),
                l.status,
                l.verdict,
                l.note.as_ref().map_or(String::new(), |n| format!(" · {n}")),
            );
            if let Some(o) = l.outcome.filter(|o| !o.verified) {
                for line in report::human::render(o).lines().skip(1) {
                    text.push_str("  ");
                    text.push_str(line);
                    text.push('\n');
                }
            }
            emit(state, &text);
        }
    }
}

/// Queues whole lines (concurrent deliveries never interleave) for the log writer.
fn emit(state: &State, text: &str) {
    let mut buffer = state.log.lock().unwrap_or_else(|e| e.into_inner());
    let was_empty = buffer.is_empty();
    buffer.extend_from_slice(text.as_bytes());
    drop(buffer);
    if was_empty {
        state.log_ready.notify_one();
    }
}

fn flush_log(state: &State) {
    let pending = std::mem::take(&mut *state.log.lock().unwrap_or_else(|e| e.into_inner()));
    if pending.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&pending).and_then(|()| out.flush());
}
