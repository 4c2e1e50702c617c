//! `--headers-file`: any bytes give headers or an error naming a line, never a panic.
#![no_main]

use hookcheck::Headers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut headers = Headers::new();
    match headers.apply_file(data) {
        Ok(()) => {
            for (name, _) in headers.iter() {
                assert!(headers.contains(name));
                assert!(Headers::parse_line(&format!("{name}: x")).is_ok());
            }
        }
        Err((line, _)) => {
            let lines = String::from_utf8_lossy(data).lines().count();
            assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        }
    }
});
