//! One JSON Lines line of `batch`: a delivery or an error, never a panic; and whatever the
//! fast reader takes, it reads exactly as the full one does (a hostile line must not mean one
//! thing to one reader and another to the other).
#![no_main]

use hookcheck::batch::jsonl;
use libfuzzer_sys::fuzz_target;

/// A line read first, so that the buffers the fast reader reuses are dirty, as in a batch.
const EARLIER: &[u8] = br#"{"id":"e","provider":"github","headers":{"X-B":"2","X-A":["1","3"]},"body":"old body","url":"https://e.example/x","method":"PUT","now":7}"#;

fuzz_target!(|data: &[u8]| {
    let full = jsonl::parse_line(data, "fuzz.jsonl:1".to_owned());
    if let Ok(item) = &full {
        assert!(item.source.starts_with("fuzz.jsonl:1"));
    }
    let mut scratch = jsonl::Scratch::default();
    assert!(jsonl::parse_fast(EARLIER, &mut scratch).is_some());
    let Some(meta) = jsonl::parse_fast(data, &mut scratch) else {
        return;
    };
    let item = full.expect("the fast reader took a line the full one refuses");
    assert_eq!(scratch.delivery, item.delivery);
    assert_eq!(meta.now, item.now);
    assert_eq!(
        meta.has_provider.then(|| scratch.provider.clone()),
        item.provider
    );
    let source = if meta.has_id {
        format!("fuzz.jsonl:1#{}", scratch.id)
    } else {
        "fuzz.jsonl:1".to_owned()
    };
    assert_eq!(source, item.source);
});
