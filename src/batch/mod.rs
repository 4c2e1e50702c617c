//! `hookcheck batch`: many captured deliveries, checked in parallel, reported in input order.
//! Work goes in chunks so that memory holds only what is in flight, whatever the input size.

pub mod har;
pub mod inputs;
pub mod jsonl;

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Error;
use crate::input::{Delivery, Key, Keys};
use crate::keyfetch::{Fetcher, Found};
use crate::outcome::{Outcome, Warning, WarningCode};
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
    Line(LineRef),
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

/// A line of a JSON Lines input: a range of a block read from it, shared with the other lines
/// of the block. Its source (`file:line`) is written out only when a report shows it.
#[derive(Debug)]
pub struct LineRef {
    pub file: std::sync::Arc<str>,
    pub line: usize,
    pub block: std::sync::Arc<Vec<u8>>,
    pub start: usize,
    pub end: usize,
}

impl LineRef {
    pub fn bytes(&self) -> &[u8] {
        &self.block[self.start..self.end]
    }

    pub fn source(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

impl Entry {
    /// The bytes it holds, to bound a chunk by size as well as by count.
    pub fn size(&self) -> usize {
        match self {
            Entry::Item(item) => item.delivery.body.len(),
            Entry::Line(line) => line.end - line.start,
            Entry::Http { bytes, .. } => bytes.len(),
            Entry::Error { message, .. } => message.len(),
        }
    }
}

/// The result for one entry, in input order.
#[derive(Debug)]
pub struct Row {
    pub source: String,
    pub result: Result<Outcome, Error>,
}

/// How many entries are checked at once; bounds memory while keeping both cores busy.
pub const CHUNK: usize = 2048;

/// A chunk also ends once it holds this many bytes, so that large captures do not pile up:
/// with the chunk being checked and two queued, about 100 MiB of input is in flight at most
/// (a single larger capture is a chunk of its own).
pub const CHUNK_BYTES: usize = 32 << 20;

/// The next chunk: up to [`CHUNK`] entries and [`CHUNK_BYTES`] bytes (at least one entry),
/// ended early where the input pauses, so that a slow producer gets each result without
/// waiting for the chunk to fill.
pub fn next_chunk(entries: &mut inputs::Inputs) -> Vec<Entry> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        let Some(entry) = entries.next() else { break };
        bytes += entry.size();
        chunk.push(entry);
        if entries.paused() {
            break;
        }
    }
    chunk
}

/// A verdict without its report, for runs that only count (`batch -q` without `--junit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    Verified,
    Failed,
    Error,
}

pub struct Checker<'a> {
    pub keys: &'a Keys,
    /// Values for the `{param:NAME}` a scheme signs, for every delivery; they win over a
    /// delivery's own (JSON Lines `params`) name by name. Not secrets, and never keys: they
    /// only change the content the signature must match.
    pub params: &'a [(String, String)],
    /// Where the certificates the deliveries name come from (`--fetch-keys`), each URL once.
    pub certificates: Option<&'a Fetcher>,
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

thread_local! {
    /// Each worker thread's reused line buffers.
    static SCRATCH: std::cell::RefCell<jsonl::Scratch> = std::cell::RefCell::default();
}

/// What checking one delivery gave: the full report, or only the verdict. (Returned and
/// unpacked at once: boxing the report would cost an allocation per delivery.)
#[allow(clippy::large_enum_variant)]
enum Checked {
    Outcome(Outcome),
    Verdict(bool),
}

impl Checker<'_> {
    /// Checks one chunk in parallel; rows come back in the chunk's order.
    pub fn check_chunk(&self, chunk: Vec<Entry>) -> Vec<Row> {
        chunk
            .into_par_iter()
            .map(|entry| self.check(entry, false))
            .map(|(source, result)| Row {
                source,
                result: result.map(|c| match c {
                    Checked::Outcome(o) => o,
                    Checked::Verdict(_) => unreachable!("full reports were asked for"),
                }),
            })
            .collect()
    }

    /// Only the verdicts of one chunk, in its order: no report is built and nothing is
    /// diagnosed (the verdicts are the same as [`Checker::check_chunk`]'s).
    pub fn tally_chunk(&self, chunk: Vec<Entry>) -> Vec<Tally> {
        chunk
            .into_par_iter()
            .map(|entry| match self.check(entry, true).1 {
                Ok(Checked::Verdict(true)) => Tally::Verified,
                Ok(Checked::Outcome(o)) if o.verified => Tally::Verified,
                Ok(_) => Tally::Failed,
                Err(_) => Tally::Error,
            })
            .collect()
    }

    /// The source (empty when `lean`, which never shows it) and the result of one entry.
    fn check(&self, entry: Entry, lean: bool) -> (String, Result<Checked, Error>) {
        let line = match entry {
            Entry::Line(line) => line,
            other => {
                let parsed = match other {
                    Entry::Item(item) => Ok(item),
                    Entry::Http { source, bytes } => http_item(&bytes, source.clone())
                        .map(Box::new)
                        .map_err(|m| (source, m)),
                    Entry::Error { source, message } => Err((source, message)),
                    Entry::Line(_) => unreachable!("matched above"),
                };
                return match parsed {
                    Ok(item) => self.check_item(*item, lean),
                    Err((source, message)) => (source, Err(invalid(message))),
                };
            }
        };
        let fast_with = |scratch: &mut jsonl::Scratch| {
            let meta = jsonl::parse_fast(line.bytes(), scratch)?;
            let provider = meta.has_provider.then_some(scratch.provider.as_str());
            let result = self.check_delivery(&mut scratch.delivery, provider, meta.now, lean);
            let source = match (lean, meta.has_id) {
                (true, _) => String::new(),
                (false, true) => format!("{}#{}", line.source(), scratch.id),
                (false, false) => line.source(),
            };
            Some((source, result))
        };
        // A worker waiting inside a check (diagnosis may run in parallel) can pick up
        // another entry; that one gets buffers of its own.
        let fast = SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => fast_with(&mut scratch),
            Err(_) => fast_with(&mut jsonl::Scratch::default()),
        });
        if let Some(done) = fast {
            return done;
        }
        // Anything the fast reader does not take, errors included, is read as before.
        match jsonl::parse_line(line.bytes(), line.source()) {
            Ok(item) => self.check_item(item, lean),
            Err(message) => (line.source(), Err(invalid(message))),
        }
    }

    /// A parsed entry's source and result.
    fn check_item(&self, mut item: Item, lean: bool) -> (String, Result<Checked, Error>) {
        let result =
            self.check_delivery(&mut item.delivery, item.provider.as_deref(), item.now, lean);
        (item.source, result)
    }

    fn check_delivery(
        &self,
        delivery: &mut Delivery,
        provider: Option<&str>,
        now: Option<i64>,
        lean: bool,
    ) -> Result<Checked, Error> {
        add_params(delivery, self.params);
        let delivery = &*delivery;
        let mut options = std::borrow::Cow::Borrowed(&self.options);
        let mut ignored_now = false;
        match (self.clock, now) {
            (Clock::FromInput, Some(now)) => options.to_mut().now = now,
            (Clock::Fixed, Some(_)) => ignored_now = true,
            (_, None) => {}
        }
        let mut detection = None;
        let scheme = match (self.scheme, provider) {
            (Some(s), _) => Some(s),
            (None, Some(name)) if !name.eq_ignore_ascii_case("auto") => {
                Some(registry::find(name).ok_or_else(|| Error::UnknownProvider(name.to_owned()))?)
            }
            (None, _) => {
                let found = crate::autodetect::resolve(delivery, self.keys, &options);
                let scheme = found.scheme;
                detection = Some(found);
                scheme
            }
        };
        let Some(s) = scheme else {
            return Ok(if lean {
                Checked::Verdict(false)
            } else {
                Checked::Outcome(crate::autodetect::unattributed(delivery, self.keys))
            });
        };
        if let Some(param) = s.missing_param(delivery) {
            return Err(Error::MissingParam {
                scheme: s.name.clone(),
                param,
            });
        }
        let (keys, fetched) = self.keys_for(s, delivery)?;
        if !s.fits_any(&keys) {
            return Err(Error::NoKey {
                scheme: s.name.clone(),
                public: s.takes_public_keys(),
            });
        }
        // Detection's verification holds only for the keys it was made with: not once a
        // fetched certificate joined them.
        let verification = detection
            .as_mut()
            .and_then(|d| d.verification.take())
            .filter(|_| fetched.is_none());
        if lean {
            return Ok(Checked::Verdict(match verification {
                Some(done) => done.verified,
                None => crate::verify::verifies(s, delivery, &keys, &options),
            }));
        }
        let mut outcome = match verification {
            Some(done) => crate::check::check_verified(s, delivery, &keys, &options, done),
            None => crate::check(s, delivery, &keys, &options),
        };
        outcome
            .warnings
            .extend(fetched.map(|found| found.warning()));
        if let Some(found) = detection.as_ref().filter(|d| !d.alternatives.is_empty()) {
            // The ambiguity, not the routine "chosen from the headers" (said once per run).
            outcome.warnings.extend(
                crate::autodetect::detection_warnings(s, found)
                    .into_iter()
                    .skip(1),
            );
        }
        if ignored_now {
            outcome.warnings.push(Warning::new(WarningCode::InputNowIgnored,
                "the delivery's own \"now\" was ignored (input cannot set the clock); pass --now-from-input to use it",
            ));
        }
        Ok(Checked::Outcome(outcome))
    }

    /// The run's keys, with the certificate the delivery names when certificates are fetched
    /// and its scheme names one: that certificate checks this delivery only.
    fn keys_for(
        &self,
        scheme: &Scheme,
        delivery: &Delivery,
    ) -> Result<(Cow<'_, Keys>, Option<Arc<Found>>), Error> {
        let Some(fetcher) = self.certificates.filter(|_| scheme.cert_url.is_some()) else {
            return Ok((Cow::Borrowed(self.keys), None));
        };
        let found = fetcher
            .certificate(scheme, delivery)
            .map_err(|e| Error::Certificate(e.to_string()))?;
        let mut keys = self.keys.clone();
        keys.push(Key::Public(found.key.clone()));
        Ok((Cow::Owned(keys), Some(found)))
    }
}

/// The run's parameters (`--param`) win over a delivery's own (JSON Lines `params`) name by
/// name, as `--now` wins over a line's `"now"`: a line is input, and input must not choose
/// what the user said (which webhook a PayPal delivery was sent to). A line's values fill in
/// only the names the run does not give.
fn add_params(delivery: &mut Delivery, given: &[(String, String)]) {
    if given.is_empty() {
        return;
    }
    delivery
        .params
        .retain(|(name, _)| !given.iter().any(|(n, _)| n == name));
    delivery.params.extend(given.iter().cloned());
}

fn invalid(message: String) -> Error {
    Error::InvalidInput(message)
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
    pub fn tally(&mut self, tally: Tally) {
        self.total += 1;
        match tally {
            Tally::Verified => self.verified += 1,
            Tally::Failed => self.failed += 1,
            Tally::Error => self.errors += 1,
        }
    }

    pub fn add(&mut self, row: &Row) {
        self.total += 1;
        match &row.result {
            Ok(o) if o.verified => self.verified += 1,
            Ok(_) => self.failed += 1,
            Err(_) => self.errors += 1,
        }
    }
}
