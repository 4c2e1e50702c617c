//! Turns the PATH arguments into a lazy stream of entries: files, directories (recursive,
//! sorted), or `-`. JSON Lines are read line by line, so a huge file is never held whole.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Entry, LineRef, har};

/// JSON Lines are read in blocks of about this size and handed out as ranges of the block:
/// one read and no copy per line.
const BLOCK: usize = 1 << 20;

/// A read that returns less than this (a pipe's usual capacity) means the producer has
/// nothing more for now: the lines read so far end the chunk, so that their results go out
/// before the input resumes (`kcat … | hookcheck batch -`).
const PAUSE_BELOW: usize = 64 << 10;

/// A block's capacity: a block plus the most one read adds past it.
const BLOCK_CAPACITY: usize = BLOCK + 4 * PAUSE_BELOW;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Http,
    Har,
    Jsonl,
}

/// Formats a directory walk picks up; other files (secrets, notes) are skipped.
fn kind_by_extension(path: &Path) -> Option<Kind> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "http" => Some(Kind::Http),
        "har" => Some(Kind::Har),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// A named file of another extension: decided by its first bytes.
fn kind_by_content(head: &[u8]) -> Kind {
    let text = String::from_utf8_lossy(&head[..head.len().min(256)]);
    let first = text.lines().next().unwrap_or("").trim();
    if first.ends_with("HTTP/1.1") || first.ends_with("HTTP/1.0") {
        Kind::Http
    } else if first == "{" || first.starts_with("{\"log\"") {
        Kind::Har
    } else {
        Kind::Jsonl
    }
}

pub struct Inputs {
    pending: VecDeque<PathBuf>,
    lines: Option<Lines>,
    queued: VecDeque<Entry>,
    /// Files a directory walk passed over (not .http, .har or .jsonl), for the summary.
    skipped: Vec<PathBuf>,
}

impl Inputs {
    /// Expands directories (sorted, recursive); unreadable paths become error rows.
    pub fn new(paths: &[PathBuf]) -> Inputs {
        let mut inputs = Inputs {
            pending: VecDeque::new(),
            lines: None,
            queued: VecDeque::new(),
            skipped: Vec::new(),
        };
        for path in paths {
            if path.is_dir() {
                inputs.walk(path);
            } else {
                inputs.pending.push_back(path.clone());
            }
        }
        inputs
    }

    /// The files directory walks passed over.
    pub fn skipped(&self) -> &[PathBuf] {
        &self.skipped
    }

    /// Every capture below `dir`, sorted; links are not followed, so a link back up the tree
    /// (`up -> ..`) cannot make the walk loop or count a file twice.
    fn walk(&mut self, dir: &Path) {
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if kind_by_extension(e.path()).is_some() {
                        self.pending.push_back(e.into_path());
                    } else {
                        self.skipped.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => self.queued.push_back(Entry::Error {
                    source: e
                        .path()
                        .map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                    message: e
                        .io_error()
                        .map_or_else(|| e.to_string(), crate::error::io_reason),
                }),
            }
        }
    }

    fn open(&mut self, path: PathBuf) {
        let name = path.display().to_string();
        let error = |message: String| Entry::Error {
            source: name.clone(),
            message,
        };
        let mut regular = false;
        let mut reader: Box<dyn BufRead + Send> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            match File::open(&path) {
                Ok(f) => {
                    regular = f.metadata().is_ok_and(|m| m.is_file());
                    Box::new(BufReader::with_capacity(1 << 16, f))
                }
                Err(e) => {
                    self.queued.push_back(error(crate::error::io_reason(&e)));
                    return;
                }
            }
        };
        let kind = match kind_by_extension(&path) {
            Some(k) => k,
            None => match reader.fill_buf() {
                Ok(head) => kind_by_content(head),
                Err(e) => {
                    self.queued.push_back(error(crate::error::io_reason(&e)));
                    return;
                }
            },
        };
        if kind == Kind::Jsonl {
            self.lines = Some(Lines {
                name: name.into(),
                reader,
                block: Arc::new(Vec::new()),
                pos: 0,
                carry: Vec::new(),
                line_no: 0,
                eof: false,
                short: false,
                regular,
            });
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            self.queued.push_back(error(crate::error::io_reason(&e)));
            return;
        }
        match kind {
            Kind::Http => self.queued.push_back(Entry::Http {
                source: name,
                bytes,
            }),
            Kind::Har => self.queued.extend(har::entries(&bytes, &name)),
            Kind::Jsonl => unreachable!("handled above"),
        }
    }

    fn next_line(&mut self) -> Option<Entry> {
        let lines = self.lines.as_mut()?;
        match lines.next_line() {
            Ok(Some(entry)) => Some(entry),
            Ok(None) => {
                self.lines = None;
                None
            }
            Err(e) => {
                let source = format!("{}:{}", lines.name, lines.line_no + 1);
                self.lines = None;
                Some(Entry::Error {
                    source,
                    message: crate::error::io_reason(&e),
                })
            }
        }
    }

    /// True when the input has paused: every line read so far has been handed out and the
    /// last read came back short (a producer that is slower than the checks). A chunk ends
    /// here so that its results are written before waiting for more input.
    pub fn paused(&self) -> bool {
        self.queued.is_empty()
            && self
                .lines
                .as_ref()
                .is_some_and(|l| l.short && l.pos == l.block.len())
    }
}

/// A JSON Lines input read block by block.
struct Lines {
    name: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    /// Whole lines, shared with the entries that point into it.
    block: Arc<Vec<u8>>,
    /// Where the next line starts in `block`.
    pos: usize,
    /// The start of a line whose end has not been read yet.
    carry: Vec<u8>,
    line_no: usize,
    eof: bool,
    /// The read that filled `block` came back short: the producer paused.
    short: bool,
    /// A regular file, which is read in whole blocks (a pipe or terminal is read as it comes).
    regular: bool,
}

impl Lines {
    fn next_line(&mut self) -> std::io::Result<Option<Entry>> {
        loop {
            if self.pos == self.block.len() && !self.refill()? {
                return Ok(None);
            }
            let rest = &self.block[self.pos..];
            let len = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
            let (start, end) = (self.pos, self.pos + len);
            self.pos = end;
            self.line_no += 1;
            // JSON allows surrounding whitespace, so the line is handed over as read.
            if self.block[start..end].trim_ascii().is_empty() {
                continue;
            }
            return Ok(Some(Entry::Line(LineRef {
                file: Arc::clone(&self.name),
                line: self.line_no,
                block: Arc::clone(&self.block),
                start,
                end,
            })));
        }
    }

    /// Reads the next block of whole lines; false at the end of the input.
    fn refill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        // Every block has the same capacity, so that the allocator hands the memory of a
        // finished block to the next one: with blocks of varying sizes, the heap fragmented and
        // the peak memory crept up with the number of lines.
        let mut data = Vec::with_capacity(BLOCK_CAPACITY.max(self.carry.len() + PAUSE_BELOW));
        data.extend_from_slice(&self.carry);
        self.carry.clear();
        self.short = false;
        let mut has_line = memchr::memchr(b'\n', &data).is_some();
        loop {
            let len = data.len();
            let n = if self.regular {
                // A file never pauses: fill the block, into spare capacity (not zeroed first).
                let want = BLOCK.saturating_sub(len).max(PAUSE_BELOW) as u64;
                (&mut self.reader).take(want).read_to_end(&mut data)?
            } else {
                // One read, of what the producer has ready; the space is zeroed first, so
                // it stays about the size of a pipe's buffer.
                if data.capacity() - len < PAUSE_BELOW {
                    // A line longer than a block: only then does a block grow.
                    data.reserve(PAUSE_BELOW);
                }
                let room = (data.capacity() - len).min(4 * PAUSE_BELOW);
                data.resize(len + room, 0);
                match self.reader.read(&mut data[len..]) {
                    Ok(n) => {
                        data.truncate(len + n);
                        n
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                        data.truncate(len);
                        continue;
                    }
                    Err(e) => {
                        data.truncate(len);
                        return Err(e);
                    }
                }
            };
            if n == 0 {
                self.eof = true;
                break;
            }
            // Enough for a block, or the producer paused: hand over what has whole lines.
            let paused = !self.regular && n < PAUSE_BELOW;
            has_line = has_line || memchr::memchr(b'\n', &data[len..]).is_some();
            if has_line && (data.len() >= BLOCK || paused) {
                self.short = paused;
                break;
            }
        }
        if !self.eof {
            // The partial last line waits for the next block.
            let cut = memchr::memrchr(b'\n', &data).map_or(0, |i| i + 1);
            self.carry.extend_from_slice(&data[cut..]);
            data.truncate(cut);
        }
        self.pos = 0;
        self.block = Arc::new(data);
        Ok(!self.block.is_empty())
    }
}

impl Iterator for Inputs {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(e) = self.queued.pop_front() {
                return Some(e);
            }
            if self.lines.is_some() {
                if let Some(e) = self.next_line() {
                    return Some(e);
                }
                continue;
            }
            let path = self.pending.pop_front()?;
            self.open(path);
        }
    }
}
