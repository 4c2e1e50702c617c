//! Untrusted text (header values, body excerpts) is shown, never executed, by a terminal.

use std::borrow::Cow;

/// Replaces control characters and escape sequences with visible forms (`\x1b`, `␊`).
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    // Printable ASCII (nearly every request path and header) needs no copy.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('␊'),
            '\r' => out.push('␍'),
            '\t' => out.push('␉'),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
            // Bidirectional overrides can reorder what a reader sees.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("\\u{{{:04X}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(for_terminal("a\x1b[31mb\r\n"), "a\\x1B[31mb␍␊");
        assert_eq!(for_terminal("é ok"), "é ok");
        assert_eq!(for_terminal("\u{202E}x"), "\\u{202E}x");
    }
}
