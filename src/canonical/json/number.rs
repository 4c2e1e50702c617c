//! Numbers as each language prints them: the token kept, or re-printed from the nearest double
//! (shortest round-trip digits, as JavaScript, Python, PHP, Java and serde_json format them).

use std::sync::OnceLock;

use super::dialect::NumberStyle;

pub(super) fn write_number(token: &str, style: NumberStyle, out: &mut Vec<u8>) {
    let is_integer = !token.bytes().any(|byte| matches!(byte, b'.' | b'e' | b'E'));
    // Up to 15 digits an integer survives an f64 exactly, and every style prints it plainly.
    let small_integer = is_integer && token.trim_start_matches('-').len() <= 15 && token != "-0";
    let exact = match style {
        NumberStyle::Original => true,
        _ if small_integer => true,
        NumberStyle::Python | NumberStyle::Java => is_integer,
        NumberStyle::Php => is_integer && token.parse::<i64>().is_ok(),
        NumberStyle::Js | NumberStyle::Go | NumberStyle::Serde => false,
    };
    if exact {
        // The sign of integer zero does not survive a big-integer parse.
        let token = if style != NumberStyle::Original && token == "-0" {
            "0"
        } else {
            token
        };
        out.extend_from_slice(token.as_bytes());
        return;
    }
    if style == NumberStyle::Serde {
        serde_number(token, out);
        return;
    }
    let decimal = match shortest_decimal(token) {
        Ok(decimal) => decimal,
        Err(x) => {
            out.extend_from_slice(non_finite(style, x).as_bytes());
            return;
        }
    };
    match style {
        NumberStyle::Js => js_number(&decimal, false, out),
        NumberStyle::Go => js_number(&decimal, true, out),
        NumberStyle::Python => python_float(&decimal, out),
        NumberStyle::Php => php_float(&decimal, out),
        NumberStyle::Java => java_double(&java_digits(decimal, token), out),
        NumberStyle::Original | NumberStyle::Serde => {} // written above
    }
}

/// What each language makes of a number that overflowed to ±infinity (`NaN` only reaches here
/// from a `Value` built by hand).
fn non_finite(style: NumberStyle, x: f64) -> &'static str {
    let (nan, infinity, negative_infinity) = match style {
        NumberStyle::Python => ("NaN", "Infinity", "-Infinity"),
        // Jackson's default WRITE_NAN_AS_STRINGS quotes them.
        NumberStyle::Java => ("\"NaN\"", "\"Infinity\"", "\"-Infinity\""),
        // json_encode fails ("Inf and NaN cannot be JSON encoded"); partial output writes 0.
        NumberStyle::Php => ("0", "0", "0"),
        // JSON.stringify and serde_json write null; Go refuses to decode such a number at all.
        _ => ("null", "null", "null"),
    };
    if x.is_nan() {
        nan
    } else if x > 0.0 {
        infinity
    } else {
        negative_infinity
    }
}

pub(super) fn parse_f64(token: &str) -> f64 {
    // Cannot fail for a token the parser accepted; overflow gives ±inf.
    token.parse().unwrap_or(f64::NAN)
}

/// The shortest digits that read back as the same f64 (the ones JS, Python, Go, PHP ≥ 7.1 and
/// ryu print), with the decimal point position: value = 0.DIGITS × 10^point.
pub(super) struct Decimal {
    pub(super) negative: bool,
    /// No leading or trailing zeros, except "0" for zero.
    pub(super) digits: String,
    pub(super) point: i32,
}

/// `Err` carries the infinity a too-large token becomes.
fn shortest_decimal(token: &str) -> Result<Decimal, f64> {
    if let Some(decimal) = Decimal::from_short_token(token) {
        return Ok(decimal);
    }
    let x = parse_f64(token);
    if x.is_finite() {
        Ok(Decimal::shortest(x))
    } else {
        Err(x)
    }
}

impl Decimal {
    /// Straight from the token when it has at most 15 significant digits and a moderate
    /// exponent: every such decimal reads as a distinct f64, so its own digits are the
    /// shortest ones and no float conversion is needed (the common case, and much faster).
    pub(super) fn from_short_token(token: &str) -> Option<Decimal> {
        let (negative, unsigned) = match token.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
            None => (unsigned, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = || whole.bytes().chain(fraction.bytes());
        if !all_digits().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let leading_zeros = all_digits().take_while(|&byte| byte == b'0').count();
        let total = whole.len() + fraction.len();
        let trailing_zeros = all_digits().rev().take_while(|&byte| byte == b'0').count();
        if leading_zeros == total {
            return Some(Decimal {
                negative,
                digits: "0".to_owned(),
                point: 1,
            });
        }
        let significant = total - leading_zeros - trailing_zeros;
        let point = i32::try_from(whole.len())
            .ok()?
            .checked_sub(i32::try_from(leading_zeros).ok()?)?
            .checked_add(exponent)?;
        if significant > 15 || !(-290..=290).contains(&point) {
            return None;
        }
        let digits = all_digits()
            .skip(leading_zeros)
            .take(significant)
            .map(char::from)
            .collect();
        Some(Decimal {
            negative,
            digits,
            point,
        })
    }

    pub(super) fn shortest(x: f64) -> Decimal {
        let shortest = Decimal::from_exponent_notation(&format!("{x:e}"));
        // Rust's `{:e}` prints the shortest round-trip digits but breaks a tie between two
        // equally close candidates upwards, where JS, Python, PHP, Go and Java pick the even
        // digit (1184895543937690.25 is 1184895543937690.2 to all of them). A tie needs 16 or
        // more digits (x / ulp(x) ≥ 2^52); Rust's fixed-precision formatting rounds half to
        // even, so redo the last digit with it.
        if shortest.digits.len() < 15 {
            return shortest;
        }
        let precision = shortest.digits.len() - 1;
        let rounded = format!("{x:.precision$e}");
        if rounded.parse::<f64>() == Ok(x) {
            Decimal::from_exponent_notation(&rounded)
        } else {
            shortest
        }
    }

    /// From Rust's exponent notation: "-1.25e-10", "5e-324", "0e0".
    fn from_exponent_notation(text: &str) -> Decimal {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        if digits.is_empty() {
            digits.push('0');
        }
        Decimal {
            negative: mantissa.starts_with('-'),
            digits,
            point: exponent.parse::<i32>().unwrap_or(0) + 1,
        }
    }

    fn is_zero(&self) -> bool {
        self.digits == "0"
    }

    /// "123.45", "0.00012", "1200", and "1200.0" with `point_zero`.
    fn write_fixed(&self, point_zero: bool, out: &mut Vec<u8>) {
        if self.negative {
            out.push(b'-');
        }
        let digits = self.digits.as_bytes();
        let point = self.point;
        let digit_count = i32::try_from(digits.len()).unwrap_or(i32::MAX);
        if point <= 0 {
            out.extend_from_slice(b"0.");
            out.resize(out.len() + point.unsigned_abs() as usize, b'0');
            out.extend_from_slice(digits);
        } else if point >= digit_count {
            out.extend_from_slice(digits);
            out.resize(out.len() + point.abs_diff(digit_count) as usize, b'0');
            if point_zero {
                out.extend_from_slice(b".0");
            }
        } else {
            let (whole, fraction) = digits.split_at(point.unsigned_abs() as usize);
            out.extend_from_slice(whole);
            out.push(b'.');
            out.extend_from_slice(fraction);
        }
    }

    /// "1.5e+300" and friends: `marker` is e or E, `plus` writes "+" for positive exponents,
    /// `min_exponent_digits` pads with zeros, `point_zero` writes "1.0e…" rather than "1e…".
    fn write_exponent(
        &self,
        marker: u8,
        plus: bool,
        min_exponent_digits: usize,
        point_zero: bool,
        out: &mut Vec<u8>,
    ) {
        if self.negative {
            out.push(b'-');
        }
        let (first, rest) = self.digits.as_bytes().split_at(1.min(self.digits.len()));
        out.extend_from_slice(first);
        if !rest.is_empty() {
            out.push(b'.');
            out.extend_from_slice(rest);
        } else if point_zero {
            out.extend_from_slice(b".0");
        }
        out.push(marker);
        let exponent = self.point - 1;
        if exponent < 0 {
            out.push(b'-');
        } else if plus {
            out.push(b'+');
        }
        let digits = exponent.unsigned_abs().to_string();
        out.resize(
            out.len() + min_exponent_digits.saturating_sub(digits.len()),
            b'0',
        );
        out.extend_from_slice(digits.as_bytes());
    }
}

/// Number::prototype.toString (ECMA-262 Number::toString); `keep_negative_zero` is Go's only
/// difference.
fn js_number(decimal: &Decimal, keep_negative_zero: bool, out: &mut Vec<u8>) {
    if decimal.is_zero() {
        let negative = keep_negative_zero && decimal.negative;
        out.extend_from_slice(if negative { b"-0" } else { b"0" });
    } else if decimal.point > 21 || decimal.point <= -6 {
        decimal.write_exponent(b'e', true, 1, false, out);
    } else {
        decimal.write_fixed(false, out);
    }
}

/// CPython `float.__repr__`.
fn python_float(decimal: &Decimal, out: &mut Vec<u8>) {
    if decimal.point > 16 || decimal.point < -3 {
        decimal.write_exponent(b'e', true, 2, false, out);
    } else {
        decimal.write_fixed(true, out);
    }
}

/// PHP's json_encode of a double: php_gcvt with precision 17 and shortest digits.
fn php_float(decimal: &Decimal, out: &mut Vec<u8>) {
    if decimal.point > 17 || decimal.point < -3 {
        decimal.write_exponent(b'e', true, 1, true, out);
    } else {
        decimal.write_fixed(false, out);
    }
}

/// When one digit would do, Java still picks the closest of the one- or two-digit decimals
/// that round-trip (4.9E-324, not 5.0E-324). Away from subnormals the two-digit grid is far
/// coarser than the doubles, so that is the one-digit value itself.
fn java_digits(decimal: Decimal, token: &str) -> Decimal {
    if decimal.digits.len() != 1 || (-290..=290).contains(&decimal.point) {
        return decimal;
    }
    let x = parse_f64(token);
    let two_digits = format!("{x:.1e}");
    if two_digits.parse::<f64>() == Ok(x) {
        Decimal::from_exponent_notation(&two_digits)
    } else {
        decimal
    }
}

/// Java's Double.toString as specified since JDK 19. JDK 17 differs on rare values: it prints
/// 1e23 as 9.999999999999999E22 and some integers beyond 2^54 with a 17th digit.
fn java_double(decimal: &Decimal, out: &mut Vec<u8>) {
    if (-2..=7).contains(&decimal.point) {
        decimal.write_fixed(true, out);
    } else {
        decimal.write_exponent(b'E', false, 1, true, out);
    }
}

/// serde_json::Value with default features: integers fit u64 (non-negative) or i64
/// (negative, but not -0), anything else is an f64 from serde's own parser.
fn serde_number(token: &str, out: &mut Vec<u8>) {
    let is_integer = !token.bytes().any(|byte| matches!(byte, b'.' | b'e' | b'E'));
    let fits = match token.strip_prefix('-') {
        Some("0") => false,
        Some(_) => token.parse::<i64>().is_ok(),
        None => token.parse::<u64>().is_ok(),
    };
    if is_integer && fits {
        out.extend_from_slice(token.as_bytes());
        return;
    }
    let Some(x) = serde_parse_float(token) else {
        // serde_json rejects the document ("number out of range"); it would write null.
        out.extend_from_slice(b"null");
        return;
    };
    if x == 0.0 {
        out.extend_from_slice(if x.is_sign_negative() {
            b"-0.0"
        } else {
            b"0.0"
        });
        return;
    }
    let decimal = Decimal::shortest(x);
    if decimal.point > 16 || decimal.point <= -5 {
        decimal.write_exponent(b'e', true, 1, false, out);
    } else {
        decimal.write_fixed(true, out);
    }
}

/// serde_json's float parser without the `float_roundtrip` feature: up to 19 significant
/// digits kept in a u64 (the rest dropped), then one multiplication or division by a power of
/// ten. Two roundings, so the last digit can differ from a correct parse (9.185216796600543e-26
/// comes back as 9.185216796600544e-26). `None` where serde reports "number out of range".
fn serde_parse_float(token: &str) -> Option<f64> {
    let (negative, unsigned) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (mantissa, exponent_text) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));

    let mut significand: u64 = 0;
    let mut exponent: i32 = 0;
    let mut overflowed = false;
    for (byte, after_point) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        let digit = u64::from(char::from(byte).to_digit(10)?);
        if !overflowed {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            {
                Some(next) => {
                    significand = next;
                    if after_point {
                        exponent = exponent.saturating_sub(1);
                    }
                    continue;
                }
                None => overflowed = true,
            }
        }
        // Dropped digits still count when they sit before the decimal point.
        if !after_point {
            exponent = exponent.saturating_add(1);
        }
    }

    if let Some(text) = exponent_text {
        let (exponent_negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        match digits.parse::<i32>() {
            Ok(value) if exponent_negative => exponent = exponent.saturating_sub(value),
            Ok(value) => exponent = exponent.saturating_add(value),
            // An exponent beyond i32: zero or underflow, else out of range.
            Err(_) if exponent_negative || significand == 0 => {
                return Some(if negative { -0.0 } else { 0.0 });
            }
            Err(_) => return None,
        }
    }

    let mut value = significand as f64;
    loop {
        match powers_of_ten().get(exponent.unsigned_abs() as usize) {
            Some(&power) => {
                if exponent >= 0 {
                    value *= power;
                    if value.is_infinite() {
                        return None;
                    }
                } else {
                    value /= power;
                }
                break;
            }
            None if value == 0.0 => break,
            None if exponent >= 0 => return None,
            None => {
                value /= 1e308;
                exponent += 308;
            }
        }
    }
    Some(if negative { -value } else { value })
}

/// 1e0 … 1e308, each the correctly rounded f64.
fn powers_of_ten() -> &'static [f64] {
    static POWERS: OnceLock<Vec<f64>> = OnceLock::new();
    POWERS.get_or_init(|| {
        (0..=308)
            .map(|exponent| format!("1e{exponent}").parse().unwrap_or(f64::INFINITY))
            .collect()
    })
}
