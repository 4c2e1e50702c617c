//! Where two byte strings differ: first offset, aligned excerpts with invisible bytes made
//! visible, and how many separate regions differ.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub first_offset: usize,
    pub received_excerpt: String,
    pub signed_excerpt: String,
    pub regions: usize,
}

const CONTEXT: usize = 16;
const SHOWN: usize = 40;

/// Compares the received bytes with the bytes that were signed.
pub fn diff(received: &[u8], signed: &[u8]) -> Diff {
    let first = received
        .iter()
        .zip(signed)
        .take_while(|(a, b)| a == b)
        .count();
    let start = first.saturating_sub(CONTEXT);
    // Start excerpts on a character boundary so UTF-8 is not cut in half.
    let start = (0..=start)
        .rev()
        .find(|&i| i == 0 || !is_continuation(received.get(i)))
        .unwrap_or(0);
    Diff {
        first_offset: first,
        received_excerpt: excerpt(received, start, first),
        signed_excerpt: excerpt(signed, start, first),
        regions: regions(received, signed),
    }
}

fn is_continuation(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b & 0xC0 == 0x80)
}

fn excerpt(bytes: &[u8], start: usize, first: usize) -> String {
    let end = (start + SHOWN).min(bytes.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&visible(bytes.get(start..end).unwrap_or(&[])));
    if end < bytes.len() {
        out.push('…');
    }
    if first >= bytes.len() {
        out.push_str("⟨end⟩");
    }
    out
}

/// Bytes as text a reader can see: `␍ ␊ ␉`, `·` for spaces, `\xEF\xBB\xBF` for a BOM,
/// `\xNN` for bytes that are not printable UTF-8.
pub fn visible(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if bytes[i..].starts_with(b"\xEF\xBB\xBF") {
            out.push_str("\\xEF\\xBB\\xBF");
            i += 3;
            continue;
        }
        match b {
            b'\r' => out.push('␍'),
            b'\n' => out.push('␊'),
            b'\t' => out.push('␉'),
            b' ' => out.push('·'),
            0x21..=0x7E => out.push(b as char),
            0x80.. => {
                let len = match b {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF7 => 4,
                    _ => 1,
                };
                match bytes
                    .get(i..i + len)
                    .and_then(|s| std::str::from_utf8(s).ok())
                {
                    Some(s) if len > 1 => {
                        out.push_str(s);
                        i += len;
                        continue;
                    }
                    _ => out.push_str(&format!("\\x{b:02X}")),
                }
            }
            _ => out.push_str(&format!("\\x{b:02X}")),
        }
        i += 1;
    }
    out
}

/// Counts differing regions by walking both strings and re-synchronising after each
/// difference (bounded look-ahead: enough for whitespace, escapes and newline changes).
fn regions(a: &[u8], b: &[u8]) -> usize {
    const LOOKAHEAD: usize = 24;
    const SYNC: usize = 2;
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        count += 1;
        let synced = |x: usize, y: usize| {
            let n = SYNC.min(a.len() - x).min(b.len() - y);
            (x == a.len() && y == b.len()) || (n > 0 && a[x..x + n] == b[y..y + n])
        };
        let mut found = None;
        'search: for step in 1..=LOOKAHEAD * 2 {
            for di in 0..=step.min(LOOKAHEAD) {
                let dj = step - di;
                if dj > LOOKAHEAD {
                    continue;
                }
                let (x, y) = (i + di, j + dj);
                if x <= a.len() && y <= b.len() && synced(x, y) {
                    found = Some((x, y));
                    break 'search;
                }
            }
        }
        match found {
            Some((x, y)) => (i, j) = (x, y),
            // Too different to align: count the rest as one region.
            None => return count,
        }
    }
    count + usize::from(i < a.len() || j < b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_newline() {
        let d = diff(b"{\"a\":1}\n", b"{\"a\":1}");
        assert_eq!(d.first_offset, 7);
        assert_eq!(d.received_excerpt, "{\"a\":1}␊");
        assert_eq!(d.signed_excerpt, "{\"a\":1}⟨end⟩");
        assert_eq!(d.regions, 1);
    }

    #[test]
    fn counts_separate_regions() {
        let d = diff(
            b"{\"a\": 1, \"b\": 2, \"c\": 3}",
            b"{\"a\":1,\"b\":2,\"c\":3}",
        );
        assert_eq!(d.first_offset, 5);
        assert_eq!(d.regions, 5);
        assert_eq!(diff(b"same", b"same").regions, 0);
    }

    #[test]
    fn invisible_bytes_are_shown() {
        assert_eq!(
            visible(b"\xEF\xBB\xBFa b\r\n\x01\xff\xc3\xa9"),
            "\\xEF\\xBB\\xBFa·b␍␊\\x01\\xFFé"
        );
    }
}
