//! `--request` captures: any bytes give a capture or an error, never a panic.
#![no_main]

use hookcheck::input::request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(capture) = request::parse(data) else {
        return;
    };
    // The body is cut from the input (or de-chunked), never grown.
    assert!(capture.body.len() <= data.len());
    let _ = capture.url();
    let (delivery, _notes) = capture.into_delivery();
    // The lookups schemes make on a delivery.
    let _ = delivery.values("query:signature");
    let _ = delivery.has("body:data.0.id");
});
