//! `hookcheck batch`: many captured deliveries, checked in parallel, reported in input order.
//! Work goes in chunks so that memory holds only what is in flight, whatever the input size.

pub mod command;
pub mod har;
pub mod inputs;
pub mod jsonl;

use rayon::prelude::*;

use crate::error::UsageError;
use crate::input::{Delivery, Secret};
use crate::outcome::Outcome;
use crate::scheme::{Scheme, detect, registry};
use crate::verify::{self, Options};

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

/// The result for one entry, in input order.
#[derive(Debug)]
pub struct Row {
    pub source: String,
    pub result: Result<Outcome, UsageError>,
}

/// How many entries are checked at once; bounds memory while keeping both cores busy.
pub const CHUNK: usize = 2048;

pub struct Checker<'a> {
    pub keys: &'a [Secret],
    pub options: Options,
    /// `--provider NAME` or `--scheme FILE`; None means per-delivery (input field or auto).
    pub scheme: Option<&'a Scheme>,
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
        if let Some(now) = item.now {
            options.now = now;
        }
        let scheme = match (self.scheme, item.provider.as_deref()) {
            (Some(s), _) => Ok(s),
            (None, Some(name)) if !name.eq_ignore_ascii_case("auto") => registry::find(name)
                .ok_or_else(|| {
                    UsageError::new(
                        "unknown_provider",
                        format!("provider '{name}': no such provider"),
                    )
                }),
            (None, _) => detect::resolve(&item.delivery, self.keys, &options),
        };
        let result = scheme.map(|s| verify::verify(s, &item.delivery, self.keys, &options));
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
