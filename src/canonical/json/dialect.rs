//! How each serialiser writes JSON: the dialect model and its named presets.

/// How one serialiser writes JSON. The named presets are associated constants and listed in
/// [`Dialect::ALL`]; other combinations (say a preset plus a trailing newline) are built with
/// struct update syntax and are named "custom".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dialect {
    pub whitespace: Whitespace,
    pub non_ascii: NonAscii,
    /// Case of the hex digits in every `\uXXXX` the dialect writes. No serialiser checked mixes
    /// cases between control characters, non-ASCII and HTML escapes.
    pub hex_case: HexCase,
    /// PHP writes `/` as `\/` unless JSON_UNESCAPED_SLASHES.
    pub escape_slash: bool,
    pub html_safe: HtmlSafe,
    /// U+007F as `\u007f`: Python with ensure_ascii and .NET do it; JS, PHP, Go, Java do not.
    pub escape_del: bool,
    pub lone_surrogates: LoneSurrogates,
    pub key_order: KeyOrder,
    pub duplicate_keys: DuplicateKeys,
    /// Gson's default (`serializeNulls` off) drops object members whose value is null.
    pub drop_null_members: bool,
    /// PHP's `json_decode($body, true)` makes objects into arrays: `{}` comes back as `[]`, and
    /// an object whose keys are exactly "0", "1", … in order comes back as a list.
    pub php_assoc_arrays: bool,
    pub numbers: NumberStyle,
    /// Go's `Encoder.Encode`, `print(json.dumps(…))` and editors add one `\n`.
    pub trailing_newline: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whitespace {
    /// `,` and `:` with nothing around them.
    Compact,
    /// Python's `json.dumps` default: `", "` between items, `": "` after keys, one line.
    PythonDefault,
    /// One member per line, `indent` spaces per level, `": "` after keys, `{}` and `[]` when
    /// empty (JSON.stringify, json.dumps(indent=), PHP JSON_PRETTY_PRINT, Stripe).
    Pretty { indent: u8 },
    /// Jackson 2's DefaultPrettyPrinter: objects one member per line with 2-space indent and
    /// `" : "`, arrays on one line as `[ 1, 2 ]`, empties as `{ }` and `[ ]`; only objects
    /// deepen the indent. (It writes the system line separator; `\n` is assumed.)
    JacksonPretty,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NonAscii {
    /// UTF-8 bytes as they are.
    Raw,
    /// Only characters beyond U+FFFF, as a surrogate pair. Jackson does this when it writes
    /// bytes (writeValueAsBytes, an OutputStream) and escapes each half of a pair on its own
    /// (jackson-core #223); writing a String keeps them raw.
    EscapeAstral,
    /// Every code point ≥ U+0080 as `\uXXXX`, astral ones as a surrogate pair.
    Escape,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HexCase {
    Lower,
    Upper,
}

/// Characters escaped as `\uXXXX` so the JSON can sit inside HTML or a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HtmlSafe {
    Off,
    /// `<` `>` `&` U+2028 U+2029: Go's `json.Marshal`, Rails' `to_json`.
    GoRails,
    /// `<` `>` `&` `=` `'` U+2028 U+2029: Gson's default `htmlSafe`.
    Gson,
    /// `<` `>` `&` `'` `+` `` ` `` and `"` (as `\u0022`, not `\"`): System.Text.Json's default
    /// encoder (dotnet/runtime JsonWriterHelper.Escaping.cs). U+2028/9 go with non-ASCII.
    DotNet,
}

impl HtmlSafe {
    pub(super) fn ascii(self) -> &'static [u8] {
        match self {
            HtmlSafe::Off => b"",
            HtmlSafe::GoRails => b"<>&",
            HtmlSafe::Gson => b"<>&='",
            HtmlSafe::DotNet => b"<>&'+`\"",
        }
    }

    pub(super) fn escapes_line_separators(self) -> bool {
        matches!(self, HtmlSafe::GoRails | HtmlSafe::Gson)
    }
}

/// What becomes of a `\ud800` that has no partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoneSurrogates {
    /// `\ud800` again (JavaScript, Python).
    Escape,
    /// U+FFFD: Go's decoder replaces it before the encoder sees it.
    Replace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyOrder {
    Original,
    /// By code point (Python `sort_keys`, Go maps, serde_json's BTreeMap), not by UTF-16 unit.
    Sorted,
    /// JS objects list array-index keys ("0" … "4294967294", no leading zeros) first in
    /// ascending numeric order, then the other keys in insertion order.
    JsIntegerKeysFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DuplicateKeys {
    /// Write every member, as the bytes had them.
    KeepAll,
    /// What every map-based parser does: the last value wins, at the first key's position.
    LastWins,
}

/// How numbers come back out of a parse → serialise cycle. Integer tokens are kept exactly
/// where the language's parser keeps them; everything else goes through an f64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// The token as written (JsonNode/JsonElement/Gson trees keep it; so do providers).
    Original,
    /// JavaScript Number::toString: `1.0`→`1`, `1e2`→`100`, `-0`→`0`, `1e21`→`1e+21`,
    /// `1E-7`→`1e-7`, integers beyond 2^53 rounded.
    Js,
    /// Go's float64 encoder: as JavaScript but `-0` stays `-0`.
    Go,
    /// CPython: integers exact (`-0`→`0`), floats by `repr`: `1e2`→`100.0`, `1e+16`, `1e-05`.
    Python,
    /// PHP ≥ 7.1 (serialize_precision -1): integers exact while they fit i64, otherwise floats;
    /// `10.0`→`10`, `1.0e+25`, `1.0e-5`, `-0.0`→`-0`.
    Php,
    /// Jackson's tree model: integers exact, floats by Java's Double.toString (JDK 19+):
    /// `100.0`, `1.0E7`, `1.0E-4`, `4.9E-324`.
    Java,
    /// serde_json::Value with default features: integers exact while they fit u64/i64, `-0` →
    /// `-0.0`, and floats from serde's fast (not always correctly rounded) parser.
    Serde,
}

impl Dialect {
    const COMPACT_RAW: Dialect = Dialect {
        whitespace: Whitespace::Compact,
        non_ascii: NonAscii::Raw,
        hex_case: HexCase::Lower,
        escape_slash: false,
        html_safe: HtmlSafe::Off,
        escape_del: false,
        lone_surrogates: LoneSurrogates::Escape,
        key_order: KeyOrder::Original,
        duplicate_keys: DuplicateKeys::LastWins,
        drop_null_members: false,
        php_assoc_arrays: false,
        numbers: NumberStyle::Original,
        trailing_newline: false,
    };

    pub const JS_COMPACT: Dialect = Dialect {
        key_order: KeyOrder::JsIntegerKeysFirst,
        numbers: NumberStyle::Js,
        ..Self::COMPACT_RAW
    };
    pub const JS_PRETTY_2: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 2 },
        ..Self::JS_COMPACT
    };
    /// Checked against the Stripe bodies in shared/conformance (2-space, `": "`, `{}` for an
    /// empty object, no final newline).
    pub const STRIPE_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 2 },
        ..Self::COMPACT_RAW
    };
    pub const PRETTY_4: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 4 },
        ..Self::COMPACT_RAW
    };
    pub const PYTHON_DEFAULT: Dialect = Dialect {
        whitespace: Whitespace::PythonDefault,
        non_ascii: NonAscii::Escape,
        escape_del: true,
        numbers: NumberStyle::Python,
        ..Self::COMPACT_RAW
    };
    pub const PYTHON_COMPACT: Dialect = Dialect {
        whitespace: Whitespace::Compact,
        ..Self::PYTHON_DEFAULT
    };
    pub const PYTHON_COMPACT_UNICODE: Dialect = Dialect {
        non_ascii: NonAscii::Raw,
        escape_del: false,
        ..Self::PYTHON_COMPACT
    };
    pub const PYTHON_DEFAULT_UNICODE: Dialect = Dialect {
        non_ascii: NonAscii::Raw,
        escape_del: false,
        ..Self::PYTHON_DEFAULT
    };
    pub const PYTHON_SORTED: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        ..Self::PYTHON_DEFAULT
    };
    pub const COMPACT_SORTED: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        numbers: NumberStyle::Serde,
        ..Self::COMPACT_RAW
    };
    pub const ESCAPED_LOWER: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        ..Self::COMPACT_RAW
    };
    pub const ESCAPED_UPPER: Dialect = Dialect {
        hex_case: HexCase::Upper,
        ..Self::ESCAPED_LOWER
    };
    pub const PHP_DEFAULT: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        escape_slash: true,
        numbers: NumberStyle::Php,
        ..Self::COMPACT_RAW
    };
    pub const PHP_UNESCAPED_SLASHES: Dialect = Dialect {
        escape_slash: false,
        ..Self::PHP_DEFAULT
    };
    pub const PHP_ASSOC: Dialect = Dialect {
        php_assoc_arrays: true,
        ..Self::PHP_DEFAULT
    };
    pub const PHP_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::Pretty { indent: 4 },
        ..Self::PHP_DEFAULT
    };
    /// A Go struct keeps its field order, so document order stands in for it.
    pub const GO_HTML_SAFE: Dialect = Dialect {
        html_safe: HtmlSafe::GoRails,
        lone_surrogates: LoneSurrogates::Replace,
        numbers: NumberStyle::Go,
        ..Self::COMPACT_RAW
    };
    pub const GO_MAP: Dialect = Dialect {
        key_order: KeyOrder::Sorted,
        ..Self::GO_HTML_SAFE
    };
    /// Numbers as the provider wrote them: Rails is modelled as the sender, not as a
    /// parse → to_json cycle (which would print floats with Ruby's Float#to_s).
    pub const RAILS: Dialect = Dialect {
        html_safe: HtmlSafe::GoRails,
        ..Self::COMPACT_RAW
    };
    /// JsonNode/JsonElement keep number tokens as written.
    pub const DOTNET: Dialect = Dialect {
        non_ascii: NonAscii::Escape,
        hex_case: HexCase::Upper,
        html_safe: HtmlSafe::DotNet,
        escape_del: true,
        ..Self::COMPACT_RAW
    };
    pub const GSON: Dialect = Dialect {
        html_safe: HtmlSafe::Gson,
        drop_null_members: true,
        ..Self::COMPACT_RAW
    };
    /// writeValueAsString: a Java String, so characters beyond U+FFFF stay raw.
    pub const JACKSON: Dialect = Dialect {
        hex_case: HexCase::Upper,
        numbers: NumberStyle::Java,
        ..Self::COMPACT_RAW
    };
    pub const JACKSON_PRETTY: Dialect = Dialect {
        whitespace: Whitespace::JacksonPretty,
        ..Self::JACKSON
    };
    pub const JACKSON_BYTES: Dialect = Dialect {
        non_ascii: NonAscii::EscapeAstral,
        ..Self::JACKSON
    };

    /// The named presets, most common first.
    pub const ALL: &'static [Dialect] = &PRESET_DIALECTS;

    /// Stable snake_case id used in JSON output; "custom" for an unnamed combination.
    pub fn name(&self) -> &'static str {
        self.preset().map_or("custom", |preset| preset.name)
    }

    /// One line for humans.
    pub fn describe(&self) -> &'static str {
        self.preset()
            .map_or("custom combination of serialiser options", |preset| {
                preset.describe
            })
    }

    fn preset(&self) -> Option<&'static Preset> {
        PRESETS.iter().find(|preset| preset.dialect == *self)
    }
}

struct Preset {
    dialect: Dialect,
    name: &'static str,
    describe: &'static str,
}

/// Ordered by how often the failure catalogue sees each re-serialiser.
const PRESETS: [Preset; 24] = [
    Preset {
        dialect: Dialect::JS_COMPACT,
        name: "js_compact",
        describe: "compact JSON.stringify (JavaScript)",
    },
    Preset {
        dialect: Dialect::PYTHON_DEFAULT,
        name: "python_default",
        describe: "json.dumps defaults (Python): \", \" and \": \", \\u escapes",
    },
    Preset {
        dialect: Dialect::JS_PRETTY_2,
        name: "js_pretty_2",
        describe: "JSON.stringify(value, null, 2) (JavaScript)",
    },
    Preset {
        dialect: Dialect::STRIPE_PRETTY,
        name: "stripe_pretty",
        describe: "2-space pretty JSON as Stripe sends it, numbers and key order untouched",
    },
    Preset {
        dialect: Dialect::ESCAPED_LOWER,
        name: "escaped_lower",
        describe: "compact, non-ASCII as lowercase \\uxxxx (what Meta signs)",
    },
    Preset {
        dialect: Dialect::PYTHON_COMPACT,
        name: "python_compact",
        describe: "json.dumps separators=(',', ':') (Python), \\u escapes",
    },
    Preset {
        dialect: Dialect::PYTHON_COMPACT_UNICODE,
        name: "python_compact_unicode",
        describe: "json.dumps compact with ensure_ascii=False (Python; httpx json=)",
    },
    Preset {
        dialect: Dialect::PHP_DEFAULT,
        name: "php_default",
        describe: "json_encode(json_decode($body)) (PHP): \\/ and \\u escapes",
    },
    Preset {
        dialect: Dialect::PYTHON_SORTED,
        name: "python_sorted",
        describe: "json.dumps sort_keys=True (Python)",
    },
    Preset {
        dialect: Dialect::GO_HTML_SAFE,
        name: "go_html_safe",
        describe: "json.Marshal of a struct (Go): <>& and U+2028/9 escaped",
    },
    Preset {
        dialect: Dialect::RAILS,
        name: "rails",
        describe: "to_json (Rails ActiveSupport): <>& and U+2028/9 escaped",
    },
    Preset {
        dialect: Dialect::COMPACT_SORTED,
        name: "compact_sorted",
        describe: "serde_json::Value to_string (Rust): keys sorted",
    },
    Preset {
        dialect: Dialect::GO_MAP,
        name: "go_map",
        describe: "json.Marshal of map[string]any (Go): keys sorted, HTML-safe",
    },
    Preset {
        dialect: Dialect::PHP_UNESCAPED_SLASHES,
        name: "php_unescaped_slashes",
        describe: "json_encode with JSON_UNESCAPED_SLASHES (PHP)",
    },
    Preset {
        dialect: Dialect::ESCAPED_UPPER,
        name: "escaped_upper",
        describe: "compact, non-ASCII as uppercase \\uXXXX (Java/.NET style)",
    },
    Preset {
        dialect: Dialect::PYTHON_DEFAULT_UNICODE,
        name: "python_default_unicode",
        describe: "json.dumps ensure_ascii=False (Python)",
    },
    Preset {
        dialect: Dialect::PRETTY_4,
        name: "pretty_4",
        describe: "4-space pretty JSON, numbers and key order untouched",
    },
    Preset {
        dialect: Dialect::PHP_ASSOC,
        name: "php_assoc",
        describe: "json_encode(json_decode($body, true)) (PHP): {} comes back as []",
    },
    Preset {
        dialect: Dialect::PHP_PRETTY,
        name: "php_pretty",
        describe: "json_encode with JSON_PRETTY_PRINT (PHP)",
    },
    Preset {
        dialect: Dialect::DOTNET,
        name: "dotnet",
        describe: "System.Text.Json defaults (.NET): non-ASCII and <>&'+\"` as \\uXXXX",
    },
    Preset {
        dialect: Dialect::JACKSON,
        name: "jackson",
        describe: "ObjectMapper.writeValueAsString of a tree (Java Jackson)",
    },
    Preset {
        dialect: Dialect::JACKSON_PRETTY,
        name: "jackson_pretty",
        describe: "Jackson default pretty printer: \" : \", arrays on one line",
    },
    Preset {
        dialect: Dialect::JACKSON_BYTES,
        name: "jackson_bytes",
        describe: "ObjectMapper.writeValueAsBytes (Java Jackson): emoji as \\uD83D\\uDE00",
    },
    Preset {
        dialect: Dialect::GSON,
        name: "gson",
        describe: "Gson toJson of a tree (Java): HTML-safe, null members dropped",
    },
];

const PRESET_DIALECTS: [Dialect; PRESETS.len()] = {
    let mut dialects = [Dialect::COMPACT_RAW; PRESETS.len()];
    let mut i = 0;
    while i < PRESETS.len() {
        dialects[i] = PRESETS[i].dialect;
        i += 1;
    }
    dialects
};
