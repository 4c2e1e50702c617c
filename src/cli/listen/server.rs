//! The accept loop: one hyper HTTP/1.1 connection per client, graceful shutdown on Ctrl-C
//! (or after --max-deliveries), and the connections that end in an error.

use std::io::IsTerminal as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use super::State;
use super::delivery::handle;
use super::log::{emit, flush_log, log_writer, now_text};
use crate::cli::Format;
use crate::cli::exit::Exit;
use crate::cli::usage::UsageError;

pub(super) async fn serve(
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
    let writer = tokio::spawn(log_writer(state.clone(), std::io::stdout().is_terminal()));
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
