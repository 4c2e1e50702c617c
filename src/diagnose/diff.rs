//! Where two byte strings differ: first offset, aligned excerpts with invisible bytes made
//! visible, and how many separate regions differ.

pub use crate::outcome::{Diff, Region};

/// At most this many regions are shown.
pub const SHOWN_REGIONS: usize = 3;

const CONTEXT: usize = 16;
const SHOWN: usize = 40;

/// Compares the received bytes with the bytes that were signed.
pub fn diff(received: &[u8], signed: &[u8]) -> Diff {
    let (count, starts) = regions(received, signed);
    let shown: Vec<Region> = starts
        .iter()
        .map(|&(i, j)| region(received, signed, i, j))
        .collect();
    let first = shown.first().cloned().unwrap_or_else(|| {
        let n = received.len().min(signed.len());
        region(received, signed, n, n)
    });
    Diff {
        first_offset: first.received_offset,
        received_excerpt: first.received_excerpt,
        signed_excerpt: first.signed_excerpt,
        regions: count,
        shown,
    }
}

fn region(received: &[u8], signed: &[u8], i: usize, j: usize) -> Region {
    let back = CONTEXT.min(i).min(j);
    let mut r_start = safe_start(received, i - back);
    let mut s_start = j.saturating_sub(i - r_start);
    // Both sides start at the same distance before the difference, on a character boundary
    // and outside an escape on both.
    let s_safe = safe_start(signed, s_start);
    if s_safe < s_start {
        let d = s_start - s_safe;
        if r_start >= d {
            r_start = safe_start(received, r_start - d);
            s_start = j.saturating_sub(i - r_start);
        }
    }
    let caret_column = usize::from(r_start > 0) + visible(&received[r_start..i]).chars().count();
    Region {
        received_offset: i,
        signed_offset: j,
        received_excerpt: excerpt(received, r_start, i),
        signed_excerpt: excerpt(signed, s_start.min(signed.len()), j),
        caret_column,
    }
}

/// The nearest start at or before `at` that is not inside a UTF-8 sequence or a JSON
/// `\uXXXX` / `\x` escape.
fn safe_start(bytes: &[u8], at: usize) -> usize {
    let mut at = at.min(bytes.len());
    while at > 0 && is_continuation(bytes.get(at)) {
        at -= 1;
    }
    // Inside `\uXXXX`: the backslash is at most 5 bytes back.
    for back in 1..=5usize {
        if at >= back && bytes[at - back] == b'\\' && bytes.get(at - back + 1) == Some(&b'u') {
            return at - back;
        }
    }
    if at >= 1 && bytes[at - 1] == b'\\' {
        return at - 1;
    }
    at
}

/// The nearest end at or after `at` that does not cut a UTF-8 sequence or an escape.
fn safe_end(bytes: &[u8], at: usize) -> usize {
    let mut at = at.min(bytes.len());
    while at < bytes.len() && is_continuation(bytes.get(at)) {
        at += 1;
    }
    for back in 1..=5usize {
        if at >= back && bytes[at - back] == b'\\' && bytes.get(at - back + 1) == Some(&b'u') {
            return (at - back + 6).min(bytes.len());
        }
    }
    if at >= 1 && bytes[at - 1] == b'\\' && at < bytes.len() {
        return at + 1;
    }
    at
}

fn is_continuation(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b & 0xC0 == 0x80)
}

fn excerpt(bytes: &[u8], start: usize, first: usize) -> String {
    let end = safe_end(bytes, (start + SHOWN).min(bytes.len()));
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
/// difference (bounded look-ahead: enough for whitespace, escapes and newline changes), with
/// where the first [`SHOWN_REGIONS`] start on each side.
fn regions(a: &[u8], b: &[u8]) -> (usize, Vec<(usize, usize)>) {
    const LOOKAHEAD: usize = 24;
    const SYNC: usize = 2;
    let (mut i, mut j, mut count) = (0, 0, 0);
    let mut starts = Vec::new();
    let mut note = |count: &mut usize, i: usize, j: usize| {
        *count += 1;
        if starts.len() < SHOWN_REGIONS {
            starts.push((i, j));
        }
    };
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        note(&mut count, i, j);
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
            None => return (count, starts),
        }
    }
    if i < a.len() || j < b.len() {
        note(&mut count, i, j);
    }
    (count, starts)
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
        assert_eq!(d.shown.len(), SHOWN_REGIONS);
        assert_eq!(d.shown[1].received_offset, 8);
        assert_eq!(d.shown[1].signed_offset, 7);
        assert_eq!(diff(b"same", b"same").regions, 0);
    }

    #[test]
    fn caret_points_at_the_first_differing_byte() {
        let d = diff(b"{\"a\":1}\n", b"{\"a\":1}");
        assert_eq!(d.shown[0].caret_column, 7);
        let long = [b"x".repeat(40).as_slice(), b"ab"].concat();
        let d = diff(&long, &[b"x".repeat(40).as_slice(), b"aB"].concat());
        // "…" then 16 bytes of context, then the difference.
        assert_eq!(d.shown[0].caret_column, 1 + CONTEXT);
    }

    #[test]
    fn excerpts_never_cut_an_escape() {
        let received = [b"y".repeat(30).as_slice(), br"\u00e9 x \u00e8"].concat();
        let signed = [b"y".repeat(30).as_slice(), br"\u00e9 x \u00E8"].concat();
        let d = diff(&received, &signed);
        // The difference is in the second escape; the excerpt starts before a whole escape.
        assert!(d.received_excerpt.contains(r"\u00e9") || !d.received_excerpt.contains("00e9"));
        let text = b"z".repeat(SHOWN - 3);
        let cut = [text.as_slice(), br"\u00e9"].concat();
        assert!(excerpt(&cut, 0, 0).contains(r"\u00e9"));
    }

    #[test]
    fn invisible_bytes_are_shown() {
        assert_eq!(
            visible(b"\xEF\xBB\xBFa b\r\n\x01\xff\xc3\xa9"),
            "\\xEF\\xBB\\xBFa·b␍␊\\x01\\xFFé"
        );
    }
}
