//! Turns the PATH arguments into a lazy stream of entries: files, directories (recursive,
//! sorted), or `-`. JSON Lines are read line by line, so a huge file is never held whole.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::{Entry, har};

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
    lines: Option<(String, Box<dyn BufRead + Send>, usize)>,
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
                        .map_or_else(|| e.to_string(), crate::input::source::io_reason),
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
        let mut reader: Box<dyn BufRead + Send> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            match File::open(&path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    self.queued
                        .push_back(error(crate::input::source::io_reason(&e)));
                    return;
                }
            }
        };
        let kind = match kind_by_extension(&path) {
            Some(k) => k,
            None => match reader.fill_buf() {
                Ok(head) => kind_by_content(head),
                Err(e) => {
                    self.queued
                        .push_back(error(crate::input::source::io_reason(&e)));
                    return;
                }
            },
        };
        if kind == Kind::Jsonl {
            self.lines = Some((name, reader, 0));
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            self.queued
                .push_back(error(crate::input::source::io_reason(&e)));
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
        let (name, reader, line_no) = self.lines.as_mut()?;
        let mut line = Vec::with_capacity(4096);
        loop {
            line.clear();
            *line_no += 1;
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {
                    // JSON allows surrounding whitespace, so the line is handed over as read.
                    if line.trim_ascii().is_empty() {
                        continue;
                    }
                    let source = format!("{name}:{line_no}");
                    return Some(Entry::Line {
                        source,
                        bytes: line,
                    });
                }
                Err(e) => {
                    let source = format!("{name}:{line_no}");
                    self.lines = None;
                    return Some(Entry::Error {
                        source,
                        message: crate::input::source::io_reason(&e),
                    });
                }
            }
        }
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
