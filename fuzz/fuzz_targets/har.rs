//! HAR files in `batch`: any bytes give entries or one error row, never a panic.
#![no_main]

use hookcheck::batch::{Entry, har};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let entries = har::entries(data, "fuzz.har");
    for entry in &entries {
        match entry {
            Entry::Item(item) => assert!(item.source.starts_with("fuzz.har#")),
            Entry::Error { source, .. } => assert!(source.starts_with("fuzz.har")),
            Entry::Line { .. } | Entry::Http { .. } => panic!("HAR yields parsed entries only"),
        }
    }
});
