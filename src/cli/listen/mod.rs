//! `hookcheck listen`: a local receiver (hyper on tokio) that verifies every delivery with the
//! same engine, detection and diagnosis as `verify`, answers the providers' endpoint
//! challenges once the challenge request verifies, and can relay to the developer's app.

pub mod challenge;
pub mod client;
mod delivery;
mod forward;
mod log;
mod server;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use clap::ArgMatches;

use crate::cli::exit::Exit;
use crate::cli::run::{Checking, options_from, system_now};
use crate::cli::source::StdinGuard;
use crate::cli::usage::UsageError;
use crate::cli::{Format, ListenArgs, Respond};
use hookcheck::input::{Delivery, Keys};
use hookcheck::keyfetch::Fetcher;
use hookcheck::scheme::Scheme;
use hookcheck::verify::Options;

/// Everything a connection needs, shared by all of them.
pub struct State {
    pub scheme: Option<Scheme>,
    pub keys: Arc<Keys>,
    /// `--param`: values for the `{param:NAME}` a scheme signs, given to every delivery.
    pub params: Vec<(String, String)>,
    /// `--fetch-keys`: the certificates the deliveries name, each URL fetched once.
    pub certificates: Option<Fetcher>,
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
    let checking = Checking::read(&args.check, matches, &stdin, &mut warnings)?;
    let fetched_only = checking.fetched_only();
    let Checking {
        keys,
        scheme,
        params,
        certificates,
    } = checking;
    if keys.is_empty()
        && certificates.is_none()
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
        if !fetched_only {
            crate::cli::run::check_keys_fit(scheme, &keys)?;
        }
        // No delivery carries a parameter, so every one would fail without it: say so now.
        let probe = Delivery {
            params: params.clone(),
            ..Delivery::default()
        };
        crate::cli::run::check_params(scheme, &probe)?;
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
        keys: Arc::new(keys),
        params,
        certificates,
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
            std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
        ),
    });
    if args.check.output.format == Format::Human {
        crate::cli::color::apply(args.check.output.color);
    }
    let header_timeout = Duration::from_secs(args.header_timeout.max(1));
    runtime.block_on(server::serve(
        state,
        addr,
        header_timeout,
        !addr.ip().is_loopback(),
    ))
}
