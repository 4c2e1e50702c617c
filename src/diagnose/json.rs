//! JSON re-serialisation hypotheses: the same value in another language's serialisation
//! (the byte rules live in `json_dialect`). The body is parsed once and shared by every dialect.

use rayon::prelude::*;

use crate::outcome::CauseCode;

use super::body::BodyVariant;
use crate::canonical::json_dialect::{self, Dialect};

pub struct JsonVariant {
    pub dialect: &'static str,
    pub body: BodyVariant,
}

/// Every preset's rendering of the parsed body that differs from the received bytes, most
/// common serialiser first; none when the body is not JSON.
pub fn variants(body: &[u8]) -> Vec<JsonVariant> {
    let Some(value) = json_dialect::parse(body) else {
        return Vec::new();
    };
    // Rendering dominates the search on large bodies: spread the dialects over the cores.
    let rendered: Vec<(&Dialect, Vec<u8>)> = Dialect::ALL
        .par_iter()
        .map(|dialect| {
            let mut bytes = Vec::with_capacity(body.len() + body.len() / 8);
            json_dialect::render(&value, dialect, &mut bytes);
            (dialect, bytes)
        })
        .collect();
    let mut out: Vec<JsonVariant> = Vec::new();
    for (dialect, bytes) in rendered {
        // Dialects that agree on this body are one hypothesis, named by the more common one.
        if bytes != body && !out.iter().any(|v| v.body.bytes == bytes) {
            out.push(JsonVariant {
                dialect: dialect.name(),
                body: BodyVariant {
                    code: CauseCode::BodyJsonReserialized,
                    variant: format!("re-serialised as {}", dialect.describe()),
                    bytes,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_skip_the_received_form_and_duplicates() {
        let body = br#"{"a":1}"#;
        let vs = variants(body);
        assert!(vs.iter().all(|v| v.body.bytes != body));
        let mut seen: Vec<&[u8]> = vs.iter().map(|v| v.body.bytes.as_slice()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), vs.len());
        assert!(vs.iter().any(|v| v.dialect == "python_default"));
    }
}
