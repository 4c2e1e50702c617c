//! The per-delivery log: one line (time, method, path, provider, status, verdict) and the
//! diagnosis on failure, or a JSON line; queued whole, written by one writer task.

use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use super::State;
use crate::cli::Format;
use hookcheck::outcome::Outcome;
use hookcheck::report;

/// What happened to one delivery, for its log line.
pub(super) struct Logged<'a> {
    pub method: &'a str,
    pub target: &'a str,
    pub provider: Option<&'a str>,
    pub status: u16,
    pub verdict: &'a str,
    pub outcome: Option<&'a Outcome>,
    pub note: Option<String>,
    pub ms: f64,
}

/// `HH:MM:SS` (UTC) of the wall clock: the time column of every line.
pub(super) fn now_text() -> String {
    String::from_utf8_lossy(&clock_text()).into_owned()
}

fn clock_text() -> [u8; 8] {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
        % 86_400;
    let digits = |n: u64| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
    let [h1, h2] = digits(now / 3600);
    let [m1, m2] = digits(now % 3600 / 60);
    let [s1, s2] = digits(now % 60);
    [h1, h2, b':', m1, m2, b':', s1, s2]
}

pub(super) fn log_line(state: &State, l: &Logged) {
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
                line["outcome"] = report::json::value(o);
            }
            let mut text = line.to_string();
            text.push('\n');
            emit(state, &text);
        }
        Format::Human => {
            // The explanation is rendered before the log lock is taken.
            let explained = l.outcome.filter(|o| !o.verified).map(report::human::render);
            let mut buffer = state
                .log
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let was_empty = buffer.is_empty();
            buffer.extend_from_slice(&clock_text());
            let _ = write!(
                buffer,
                " {} {} {} {} {}",
                l.method,
                hookcheck::escape::for_terminal(l.target),
                l.provider.unwrap_or("-"),
                l.status,
                l.verdict,
            );
            if let Some(n) = &l.note {
                let _ = write!(buffer, " · {n}");
            }
            buffer.push(b'\n');
            for line in explained.iter().flat_map(|t| t.lines().skip(1)) {
                buffer.extend_from_slice(b"  ");
                buffer.extend_from_slice(line.as_bytes());
                buffer.push(b'\n');
            }
            drop(buffer);
            if was_empty {
                state.log_ready.notify_one();
            }
        }
    }
}

/// Queues whole lines (concurrent deliveries never interleave) for the log writer.
pub(super) fn emit(state: &State, text: &str) {
    let mut buffer = state
        .log
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let was_empty = buffer.is_empty();
    buffer.extend_from_slice(text.as_bytes());
    drop(buffer);
    if was_empty {
        state.log_ready.notify_one();
    }
}

/// How long lines wait for company when stdout is a file or a pipe: one write carries the
/// lines of a burst instead of one per turn of the event loop. A terminal gets every line at
/// once.
const LOG_BATCH: Duration = Duration::from_millis(20);

/// Writes queued lines as they come (see [`LOG_BATCH`]), until aborted.
pub(super) async fn log_writer(state: Arc<State>, terminal: bool) {
    loop {
        state.log_ready.notified().await;
        if terminal {
            // Let the other ready connections add their lines first.
            tokio::task::yield_now().await;
        } else {
            tokio::time::sleep(LOG_BATCH).await;
        }
        flush_log(&state);
    }
}

pub(super) fn flush_log(state: &State) {
    let pending = std::mem::take(
        &mut *state
            .log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    if pending.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&pending).and_then(|()| out.flush());
}
