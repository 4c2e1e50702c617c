//! `hookcheck batch`: many captured deliveries, checked in parallel, reported in input order.
//! Work goes in chunks so that memory holds only what is in flight, whatever the input size.

pub mod command;
pub mod har;
pub mod inputs;
pub mod jsonl;

use rayon::prelude::*;

use crate::error::UsageError;
use crate::input::{Delivery, Keys};
use crate::outcome::{Outcome, Warning};
use crate::scheme::{Scheme, registry};
use crate::verify::Options;

/// One delivery read from an input, with where it came from.
#[derive(Debug, Clone)]
pub struct Item {
    /// `file`, `file:line` or `file#entry`.
    pub source: String,
    pub delivery: Delivery,
    /// A provider named by the input itself (JSONL `provider`).
    pub provider: Option<String>,
    /// The instant to verify as of, when the input gives one (JSONL `now`).
    pub now: Option<i64>,
}

/// What an input yields: a delivery (parsed, or raw bytes to parse on a worker thread), or
/// an error row naming the file and line.
#[derive(Debug)]
pub enum Entry {
    Item(Box<Item>),
    /// One JSON Lines line, parsed in parallel.
    Line {
        source: String,
        bytes: Vec<u8>,
    },
    /// A whole `.http` capture, parsed in parallel.
    Http {
        source: String,
        bytes: Vec<u8>,
    },
    Error {
        source: String,
        message: String,
    },
}

impl Entry {
    /// The bytes it holds, to bound a chunk by size as well as by count.
    pub fn size(&self) -> usize {
        match self {
            Entry::Item(item) => item.delivery.body.len(),
            Entry::Line { bytes, .. } | Entry::Http { bytes, .. } => bytes.len(),
            Entry::Error { message, .. } => message.len(),
        }
    }
}

/// The result for one entry, in input order.
#[derive(Debug)]
pub struct Row {
    pub source: String,
    pub result: Result<Outcome, UsageError>,
}

/// How many entries are checked at once; bounds memory while keeping both cores busy.
pub const CHUNK: usize = 2048;

/// A chunk also ends once it holds this many bytes, so that large captures do not pile up:
/// with the chunk being checked and two queued, about 100 MiB of input is in flight at most
/// (a single larger capture is a chunk of its own).
pub const CHUNK_BYTES: usize = 32 << 20;

/// The next chunk: up to [`CHUNK`] entries and [`CHUNK_BYTES`] bytes (at least one entry).
pub fn next_chunk(entries: &mut impl Iterator<Item = Entry>) -> Vec<Entry> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        let Some(entry) = entries.next() else { break };
        bytes += entry.size();
        chunk.push(entry);
    }
    chunk
}

pub struct Checker<'a> {
    pub keys: &'a Keys,
    pub options: Options,
    /// `--provider NAME` or `--scheme FILE`; None means per-delivery (input field or auto).
    pub scheme: Option<&'a Scheme>,
    /// Where the time to verify as of comes from.
    pub clock: Clock,
}

/// Which time a batch verifies as of. A delivery's own `"now"` is input, and input can be
/// hostile: a stale delivery carrying a fresh `"now"` must not pass, so it counts only when
/// asked for (`--now-from-input`), and `--now` always wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// `--now`, or the system clock: the lines' own times are ignored.
    Fixed,
    /// Each line's `"now"` where it has one, else the fixed time.
    FromInput,
}

impl Checker<'_> {
    /// Checks one chunk in parallel; rows come back in the chunk's order.
    pub fn check_chunk(&self, chunk: Vec<Entry>) -> Vec<Row> {
        chunk
            .into_par_iter()
            .map(|entry| self.check(entry))
            .collect()
    }

    fn check(&self, entry: Entry) -> Row {
        let parsed = match entry {
            Entry::Item(item) => Ok(item),
            Entry::Line { source, bytes } => jsonl::parse_line(&bytes, source.clone())
                .map(Box::new)
                .map_err(|m| (source, m)),
            Entry::Http { source, bytes } => http_item(&bytes, source.clone())
                .map(Box::new)
                .map_err(|m| (source, m)),
            Entry::Error { source, message } => Err((source, message)),
        };
        let item = match parsed {
            Ok(item) => item,
            Err((source, message)) => {
                return Row {
                    source,
                    result: Err(UsageError::new("invalid_input", message)),
                };
            }
        };
        let mut options = self.options.clone();
        let mut ignored_now = false;
        match (self.clock, item.now) {
            (Clock::FromInput, Some(now)) => options.now = now,
            (Clock::Fixed, Some(_)) => ignored_now = true,
            (_, None) => {}
        }
        let mut detection = None;
        let scheme = match (self.scheme, item.provider.as_deref()) {
            (Some(s), _) => Ok(Some(s)),
            (None, Some(name)) if !name.eq_ignore_ascii_case("auto") => {
                registry::find(name).map(Some).ok_or_else(|| {
                    UsageError::new(
                        "unknown_provider",
                        format!("provider '{name}': no such provider"),
                    )
                })
            }
            (None, _) => {
                let found = crate::autodetect::resolve(&item.delivery, self.keys, &options);
                let scheme = found.scheme;
                detection = Some(found);
                Ok(scheme)
            }
        };
        let result = scheme.and_then(|s| {
            let Some(s) = s else {
                return Ok(crate::autodetect::unattributed(&item.delivery, self.keys));
            };
            if !s.fits_any(self.keys) {
                return Err(UsageError::no_key(&s.name, s.takes_public_keys()));
            }
            let mut outcome = crate::check(s, &item.delivery, self.keys, &options);
            if let Some(found) = detection.as_ref().filter(|d| !d.alternatives.is_empty()) {
                // The ambiguity, not the routine "chosen from the headers" (said once per run).
                outcome
                    .warnings
                    .extend(crate::autodetect::detection_warnings(s, found).into_iter().skip(1));
            }
            if ignored_now {
                outcome.warnings.push(Warning::new(
                    "input_now_ignored",
                    "the delivery's own \"now\" was ignored (input cannot set the clock); pass --now-from-input to use it",
                ));
            }
            Ok(outcome)
        });
        Row {
            source: item.source,
            result,
        }
    }
}

fn http_item(bytes: &[u8], source: String) -> Result<Item, String> {
    let capture =
        crate::input::request::parse(bytes).map_err(|e| format!("not an HTTP/1.x request: {e}"))?;
    Ok(Item {
        source,
        delivery: capture.into_delivery().0,
        provider: None,
        now: None,
    })
}

/// Totals for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub total: usize,
    pub verified: usize,
    pub failed: usize,
    pub errors: usize,
    /// Files in the directories given that are not captures (.http, .har, .jsonl).
    pub skipped: usize,
}

impl Summary {
    pub fn add(&mut self, row: &Row) {
        self.total += 1;
        match &row.result {
            Ok(o) if o.verified => self.verified += 1,
            Ok(_) => self.failed += 1,
            Err(_) => self.errors += 1,
        }
    }
}
