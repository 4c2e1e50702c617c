//! The JSON dialect parser and renderer used by the body diagnosis.
//!
//! Invariants, for any input that parses:
//! - a dialect that changes only formatting (whitespace, escapes, hex case, slashes, HTML-safe
//!   characters, DEL, a final newline; keys, duplicates, nulls and number tokens untouched)
//!   renders text that parses back to exactly the same value;
//! - every preset renders JSON that parses again, except Python's `Infinity`/`NaN` for a number
//!   too large for an f64 (json.dumps writes them);
//! - rendering is a fixed point: re-rendering the parsed rendering in the same dialect gives the
//!   same bytes, for every preset whose number style reads back as it prints. PHP (`-0.0`
//!   prints `-0`, which json_decode reads as integer 0) and serde_json (its fast float parser is
//!   not correctly rounded) legitimately take a second step, so they are left out of this one.
#![no_main]

use hookcheck::diagnose::json_dialect::{
    self, Dialect, DuplicateKeys, HexCase, HtmlSafe, KeyOrder, LoneSurrogates, NonAscii,
    NumberStyle, Whitespace,
};
use libfuzzer_sys::fuzz_target;

fn formatting_only(a: u8, b: u8) -> Dialect {
    let whitespace = [
        Whitespace::Compact,
        Whitespace::PythonDefault,
        Whitespace::Pretty { indent: 2 },
        Whitespace::Pretty { indent: 4 },
        Whitespace::JacksonPretty,
    ][usize::from(a % 5)];
    let non_ascii =
        [NonAscii::Raw, NonAscii::EscapeAstral, NonAscii::Escape][usize::from(a / 5 % 3)];
    let html_safe = [
        HtmlSafe::Off,
        HtmlSafe::GoRails,
        HtmlSafe::Gson,
        HtmlSafe::DotNet,
    ][usize::from(b & 3)];
    Dialect {
        whitespace,
        non_ascii,
        hex_case: if b & 4 == 0 {
            HexCase::Lower
        } else {
            HexCase::Upper
        },
        escape_slash: b & 8 != 0,
        html_safe,
        escape_del: b & 16 != 0,
        lone_surrogates: LoneSurrogates::Escape,
        key_order: KeyOrder::Original,
        duplicate_keys: DuplicateKeys::KeepAll,
        drop_null_members: false,
        php_assoc_arrays: false,
        numbers: NumberStyle::Original,
        trailing_newline: b & 32 != 0,
    }
}

fn render(value: &json_dialect::Value, dialect: &Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    json_dialect::render(value, dialect, &mut out);
    out
}

fuzz_target!(|data: &[u8]| {
    let [a, b, json @ ..] = data else {
        return;
    };
    let Some(value) = json_dialect::parse(json) else {
        return;
    };

    let dialect = formatting_only(*a, *b);
    let text = render(&value, &dialect);
    let back = json_dialect::parse(&text);
    assert_eq!(
        back.as_ref(),
        Some(&value),
        "{dialect:?} lost the value: {}",
        String::from_utf8_lossy(&text)
    );

    for dialect in Dialect::ALL {
        let first = render(&value, dialect);
        let Some(again) = json_dialect::parse(&first) else {
            assert_eq!(
                dialect.numbers,
                NumberStyle::Python,
                "{} rendered JSON that does not parse: {}",
                dialect.name(),
                String::from_utf8_lossy(&first)
            );
            continue;
        };
        if matches!(dialect.numbers, NumberStyle::Php | NumberStyle::Serde) {
            continue;
        }
        let second = render(&again, dialect);
        assert!(
            first == second,
            "{} is not a fixed point:\n{}\n{}",
            dialect.name(),
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&second)
        );
    }
});
