//! Where an input comes from: a literal, a file, stdin (`-`) or an environment variable.
//! Stdin can be read once; a second flag asking for it is an error naming both.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;

use crate::cli::usage::UsageError;

/// Hands out stdin to the first flag that asks for it and remembers which one that was.
#[derive(Debug, Default)]
pub struct StdinGuard {
    taken_by: RefCell<Option<String>>,
}

impl StdinGuard {
    pub fn take(&self, flag: &str) -> Result<(), UsageError> {
        let mut taken = self.taken_by.borrow_mut();
        if let Some(first) = taken.as_deref() {
            return Err(UsageError::new(
                "stdin_twice",
                format!("{flag} and {first} both ask for standard input, which can be read once"),
            )
            .hint("give one of them a file instead of `-`"));
        }
        *taken = Some(flag.to_owned());
        Ok(())
    }

    pub fn is_taken(&self) -> bool {
        self.taken_by.borrow().is_some()
    }
}

/// Reads a `FILE|-` argument as raw bytes, nothing stripped or added.
pub fn read_path(flag: &str, path: &Path, stdin: &StdinGuard) -> Result<Vec<u8>, UsageError> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        stdin.take(flag)?;
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| {
                UsageError::input(format!("{flag} -"), format!("reading standard input: {e}"))
            })?;
        return Ok(bytes);
    }
    std::fs::read(path)
        .map_err(|e| UsageError::input(format!("{flag} '{}'", path.display()), io_reason(&e)))
}

/// Reads at most `limit` bytes of a `FILE|-` argument; if there is more, also returns the
/// reader positioned after them (for streaming a body too large to hold).
#[allow(clippy::type_complexity)]
pub fn read_head(
    flag: &str,
    path: &Path,
    stdin: &StdinGuard,
    limit: usize,
) -> Result<(Vec<u8>, Option<Box<dyn Read>>), UsageError> {
    let what = || {
        if path.as_os_str() == "-" {
            format!("{flag} -")
        } else {
            format!("{flag} '{}'", path.display())
        }
    };
    let mut reader: Box<dyn Read> = if path.as_os_str() == "-" {
        stdin.take(flag)?;
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| UsageError::input(what(), io_reason(&e)))?)
    };
    let mut head = Vec::new();
    reader
        .by_ref()
        .take(limit as u64 + 1)
        .read_to_end(&mut head)
        .map_err(|e| UsageError::input(what(), io_reason(&e)))?;
    if head.len() <= limit {
        return Ok((head, None));
    }
    Ok((head, Some(reader)))
}

pub(crate) use hookcheck::error::io_reason;
