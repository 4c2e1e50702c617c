//! One JSON Lines line of `batch`: a delivery or an error, never a panic.
#![no_main]

use hookcheck::batch::jsonl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(item) = jsonl::parse_line(data, "fuzz.jsonl:1".to_owned()) {
        assert!(item.source.starts_with("fuzz.jsonl:1"));
    }
});
