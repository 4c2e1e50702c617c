//! JSON re-serialisation hypotheses: the same value in another language's serialisation.

use super::body::BodyVariant;

pub struct JsonVariant {
    pub dialect: &'static str,
    pub body: BodyVariant,
}

/// Every dialect's rendering of the parsed body that differs from the received bytes.
pub fn variants(_body: &[u8]) -> Vec<JsonVariant> {
    Vec::new()
}

/// Python `json.dumps(json.loads(body))`: `", "` and `": "` separators, `ensure_ascii`.
pub fn python_json_dumps(_body: &[u8]) -> Option<Vec<u8>> {
    None
}
