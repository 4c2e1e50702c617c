//! Serialiser options in combination: real receivers mix them (Python `indent=2` with
//! `ensure_ascii`, PHP `JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT`, Go's HTML-safe escapes
//! with indentation). The product of the independent axes is searched, most common first,
//! within [`MAX_RENDERED`] bytes; a hit is named by the nearest preset and the options that
//! differ from it.

use super::json_dialect::{
    Dialect, HexCase, HtmlSafe, KeyOrder, NonAscii, NumberStyle, Whitespace,
};

/// The combinations are rendered until this many bytes in all have been made.
pub const MAX_RENDERED: usize = 2 << 20;

const WHITESPACE: [(Whitespace, u8, &str); 5] = [
    (Whitespace::Compact, 0, "compact"),
    (Whitespace::Pretty { indent: 2 }, 1, "2-space indent"),
    (Whitespace::PythonDefault, 1, "\", \" and \": \" separators"),
    (Whitespace::Pretty { indent: 4 }, 2, "4-space indent"),
    (Whitespace::JacksonPretty, 3, "Jackson's pretty printer"),
];
const NON_ASCII: [(NonAscii, HexCase, u8, &str); 3] = [
    (NonAscii::Raw, HexCase::Lower, 0, "non-ASCII as raw UTF-8"),
    (NonAscii::Escape, HexCase::Lower, 1, "non-ASCII as \\uxxxx"),
    (
        NonAscii::Escape,
        HexCase::Upper,
        2,
        "non-ASCII as upper-case \\uXXXX",
    ),
];
const SLASH: [(bool, u8, &str); 2] = [(false, 0, "`/` as is"), (true, 1, "`/` as `\\/`")];
const HTML: [(HtmlSafe, u8, &str); 2] = [
    (HtmlSafe::Off, 0, "`<>&` as is"),
    (HtmlSafe::GoRails, 1, "`<>&` and U+2028/9 as \\u escapes"),
];
const KEYS: [(KeyOrder, u8, &str); 2] = [
    (KeyOrder::Original, 0, "keys in received order"),
    (KeyOrder::Sorted, 1, "keys sorted"),
];
const NUMBERS: [(NumberStyle, u8, &str); 3] = [
    (NumberStyle::Original, 0, "numbers as written"),
    (NumberStyle::Js, 1, "numbers as JavaScript prints them"),
    (NumberStyle::Python, 1, "numbers as Python prints them"),
];
const NEWLINE: [(bool, u8, &str); 2] = [(false, 0, "no final newline"), (true, 1, "a final LF")];

/// One point in the product: the index on each axis.
type Point = [usize; 7];

fn dialect(p: &Point) -> Dialect {
    Dialect {
        whitespace: WHITESPACE[p[0]].0,
        non_ascii: NON_ASCII[p[1]].0,
        hex_case: NON_ASCII[p[1]].1,
        escape_slash: SLASH[p[2]].0,
        html_safe: HTML[p[3]].0,
        key_order: KEYS[p[4]].0,
        numbers: NUMBERS[p[5]].0,
        trailing_newline: NEWLINE[p[6]].0,
        ..Dialect::STRIPE_PRETTY
    }
}

fn labels(p: &Point) -> [&'static str; 7] {
    [
        WHITESPACE[p[0]].2,
        NON_ASCII[p[1]].3,
        SLASH[p[2]].2,
        HTML[p[3]].2,
        KEYS[p[4]].2,
        NUMBERS[p[5]].2,
        NEWLINE[p[6]].2,
    ]
}

fn point_of(d: &Dialect) -> Option<Point> {
    Some([
        WHITESPACE.iter().position(|w| w.0 == d.whitespace)?,
        NON_ASCII
            .iter()
            .position(|n| n.0 == d.non_ascii && (n.0 == NonAscii::Raw || n.1 == d.hex_case))?,
        SLASH.iter().position(|s| s.0 == d.escape_slash)?,
        HTML.iter().position(|h| h.0 == d.html_safe)?,
        KEYS.iter()
            .position(|k| k.0 == d.key_order)
            .or_else(|| (d.key_order == KeyOrder::JsIntegerKeysFirst).then_some(0))?,
        // For naming only: Go prints numbers as JavaScript does; PHP, Java and serde keep
        // integers as written, the common case in webhook bodies.
        NUMBERS
            .iter()
            .position(|n| n.0 == d.numbers)
            .unwrap_or(usize::from(d.numbers == NumberStyle::Go)),
        NEWLINE.iter().position(|n| n.0 == d.trailing_newline)?,
    ])
}

/// A combination to try, with the preset it is nearest to and the options that differ.
pub struct Combo {
    pub dialect: Dialect,
    pub nearest: &'static str,
    pub nearest_describe: &'static str,
    pub differs: Vec<&'static str>,
}

/// Every combination that is not a preset, most common first (fewest uncommon options).
pub fn all() -> Vec<Combo> {
    let presets: Vec<(Point, &Dialect)> = Dialect::ALL
        .iter()
        .filter_map(|d| point_of(d).map(|p| (p, d)))
        .collect();
    let sizes = [
        WHITESPACE.len(),
        NON_ASCII.len(),
        SLASH.len(),
        HTML.len(),
        KEYS.len(),
        NUMBERS.len(),
        NEWLINE.len(),
    ];
    let mut points: Vec<(u8, Point)> = Vec::new();
    let mut p: Point = [0; 7];
    loop {
        let score = WHITESPACE[p[0]].1
            + NON_ASCII[p[1]].2
            + SLASH[p[2]].1
            + HTML[p[3]].1
            + KEYS[p[4]].1
            + NUMBERS[p[5]].1
            + NEWLINE[p[6]].1;
        points.push((score, p));
        let mut axis = 0;
        loop {
            if axis == 7 {
                points.sort_by_key(|(score, _)| *score);
                return points
                    .into_iter()
                    .map(|(_, p)| p)
                    .filter(|p| !Dialect::ALL.contains(&dialect(p)))
                    .map(|p| combo(&p, &presets))
                    .collect();
            }
            p[axis] += 1;
            if p[axis] < sizes[axis] {
                break;
            }
            p[axis] = 0;
            axis += 1;
        }
    }
}

fn combo(p: &Point, presets: &[(Point, &Dialect)]) -> Combo {
    let mine = labels(p);
    let (nearest, differs) = presets
        .iter()
        .map(|(q, d)| {
            let differs: Vec<&'static str> =
                (0..7).filter(|&i| p[i] != q[i]).map(|i| mine[i]).collect();
            // Layout is what a reader recognises first: on a tie, the same layout wins.
            (*d, differs, p[0] != q[0])
        })
        .min_by_key(|(_, differs, layout)| (differs.len(), *layout))
        .map(|(d, differs, _)| (d, differs))
        .unwrap_or((&Dialect::ALL[0], mine.to_vec()));
    Combo {
        dialect: dialect(p),
        nearest: nearest.name(),
        nearest_describe: nearest.describe(),
        differs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::json_dialect;

    #[test]
    fn combinations_are_ordered_and_named() {
        let all = all();
        assert!(all.len() > 600 && all.len() < 720);
        // Python json.dumps(indent=2) with ensure_ascii: Stripe's layout plus \u escapes.
        let py = all
            .iter()
            .find(|c| {
                c.dialect.whitespace == Whitespace::Pretty { indent: 2 }
                    && c.dialect.non_ascii == NonAscii::Escape
                    && c.dialect.hex_case == HexCase::Lower
                    && !c.dialect.escape_slash
                    && c.dialect.html_safe == HtmlSafe::Off
                    && c.dialect.key_order == KeyOrder::Original
                    && c.dialect.numbers == NumberStyle::Original
                    && !c.dialect.trailing_newline
            })
            .unwrap();
        assert_eq!(py.nearest, "stripe_pretty");
        assert_eq!(py.differs, vec!["non-ASCII as \\uxxxx"]);
        let value = json_dialect::parse("{\"a\":\"é/\"}".as_bytes()).unwrap();
        let mut out = Vec::new();
        json_dialect::render(&value, &py.dialect, &mut out);
        assert_eq!(out, b"{\n  \"a\": \"\\u00e9/\"\n}");
    }
}
