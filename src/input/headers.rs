//! A header list as received: names compared without case, repeats kept in order.

/// A header list as received: names compared without case, repeats kept in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    entries: Vec<(String, String)>,
}

impl Headers {
    /// An empty list.
    pub fn new() -> Headers {
        Headers::default()
    }

    /// Appends a header, keeping any earlier one of the same name.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.entries.push((name.into(), value.into()));
    }

    /// Replaces every header of this name with one value (an explicit flag overriding a capture).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.remove(name);
        self.push(name, value);
    }

    /// Replaces every header named in `given` with `given`'s values, repeats kept in order
    /// (explicit flags overriding a capture). One pass, whatever the number of headers.
    pub fn replace_with(&mut self, given: Headers) {
        let names: std::collections::HashSet<String> = given
            .entries
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect();
        self.entries
            .retain(|(n, _)| !names.contains(&n.to_ascii_lowercase()));
        self.entries.extend(given.entries);
    }

    /// Removes every header of this name.
    pub fn remove(&mut self, name: &str) {
        self.entries.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.get_all(name).next()
    }

    /// Every value of `name`, in the order received.
    pub fn get_all<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> {
        self.entries
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether a header of this name is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every header as `(name, value)`, in the order received.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// Appends folded text to the last header's value; false when there is no header yet.
    pub fn extend_last(&mut self, more: &str) -> bool {
        match self.entries.last_mut() {
            Some((_, value)) => {
                value.push(' ');
                value.push_str(more);
                true
            }
            None => false,
        }
    }

    /// Exchanges the list with `entries`: a reader that fills many deliveries in turn gets the
    /// previous strings back to reuse their buffers (`batch`).
    pub fn swap_entries(&mut self, entries: &mut Vec<(String, String)>) {
        std::mem::swap(&mut self.entries, entries);
    }

    /// Whether there are no headers.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Applies a `--headers-file`: one `Name: value` per line, blank lines skipped. The file's
    /// headers replace those of the same names, repeats kept in order, in one pass (as `-H`
    /// does). An error carries its line number (from 1).
    pub fn apply_file(&mut self, bytes: &[u8]) -> Result<(), (usize, String)> {
        let text = String::from_utf8_lossy(bytes);
        let mut given = Headers::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (name, value) = Headers::parse_line(line).map_err(|e| (i + 1, e))?;
            given.push(name, value);
        }
        self.replace_with(given);
        Ok(())
    }

    /// Parses one `Name: value` line; the value loses surrounding spaces and tabs only.
    pub fn parse_line(line: &str) -> Result<(String, String), String> {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("{line:?} is not a `Name: value` header line"))?;
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(format!("{name:?} is not a valid header name"));
        }
        Ok((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()))
    }
}

/// RFC 9110 token characters, the only ones a header name may hold.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ignore_case_and_repeats_keep_order() {
        let mut h = Headers::new();
        h.push("X-Sig", "a");
        h.push("x-sig", "b");
        assert_eq!(h.get("X-SIG"), Some("a"));
        assert_eq!(h.get_all("x-Sig").collect::<Vec<_>>(), ["a", "b"]);
        h.set("X-SIG", "c");
        assert_eq!(h.get_all("x-sig").collect::<Vec<_>>(), ["c"]);
    }

    #[test]
    fn parses_lines() {
        assert_eq!(
            Headers::parse_line("X-A:  v=1, w \t").unwrap(),
            ("X-A".into(), "v=1, w".into())
        );
        assert!(Headers::parse_line("no colon").is_err());
        assert!(Headers::parse_line("bad name: x").is_err());
        assert!(Headers::parse_line(": x").is_err());
    }
}
