//! The digests hookcheck recomputes, and the constant-time comparison of signature bytes.

use hmac::{HmacReset as Hmac, KeyInit, Mac};
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

use crate::scheme::Algorithm;

/// The longest digest (SHA-512).
pub const MAX_DIGEST: usize = 64;

/// A digest being computed piece by piece: the same for a body in memory (`digest`) and one
/// streamed from stdin (`crate::verify::streaming`).
#[derive(Clone)]
pub enum Running {
    Md5(Hmac<Md5>),
    Sha1(Hmac<Sha1>),
    Sha256(Hmac<Sha256>),
    Sha384(Hmac<Sha384>),
    Sha512(Hmac<Sha512>),
    Plain(Sha256),
    PlainMd5(Md5),
    PlainSha384(Sha384),
}

impl Running {
    /// None for algorithms that are not digests (public-key, token, Basic, none).
    pub fn new(algorithm: Algorithm, key: &[u8]) -> Option<Running> {
        // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
        Some(match algorithm {
            Algorithm::HmacMd5 => Running::Md5(<Hmac<Md5> as KeyInit>::new_from_slice(key).ok()?),
            Algorithm::HmacSha1 => {
                Running::Sha1(<Hmac<Sha1> as KeyInit>::new_from_slice(key).ok()?)
            }
            Algorithm::HmacSha384 => {
                Running::Sha384(<Hmac<Sha384> as KeyInit>::new_from_slice(key).ok()?)
            }
            Algorithm::HmacSha256 => {
                Running::Sha256(<Hmac<Sha256> as KeyInit>::new_from_slice(key).ok()?)
            }
            Algorithm::HmacSha512 => {
                Running::Sha512(<Hmac<Sha512> as KeyInit>::new_from_slice(key).ok()?)
            }
            Algorithm::Sha256 => Running::Plain(Sha256::new()),
            Algorithm::Md5 => Running::PlainMd5(Md5::new()),
            Algorithm::Sha384 => Running::PlainSha384(Sha384::new()),
            Algorithm::Ed25519
            | Algorithm::EcdsaP256
            | Algorithm::EcdsaP256Sha1
            | Algorithm::RsaSha1
            | Algorithm::RsaSha256
            | Algorithm::RsaSha512
            | Algorithm::RsaPssSha512
            | Algorithm::Jwt
            | Algorithm::Token
            | Algorithm::Basic
            | Algorithm::None => {
                return None;
            }
        })
    }

    pub fn update(&mut self, data: &[u8]) {
        match self {
            Running::Md5(m) => m.update(data),
            Running::Sha1(m) => m.update(data),
            Running::Sha256(m) => m.update(data),
            Running::Sha384(m) => m.update(data),
            Running::Sha512(m) => m.update(data),
            Running::Plain(h) => h.update(data),
            Running::PlainMd5(h) => h.update(data),
            Running::PlainSha384(h) => h.update(data),
        }
    }

    /// The digest, written to the start of `out` (its length returned); the state goes back
    /// to keyed-and-empty, ready for the next message under the same key.
    fn finish_reset_into(&mut self, out: &mut [u8; MAX_DIGEST]) -> usize {
        fn put(out: &mut [u8; MAX_DIGEST], digest: &[u8]) -> usize {
            out[..digest.len()].copy_from_slice(digest);
            digest.len()
        }
        match self {
            Running::Md5(m) => put(out, &m.finalize_reset().into_bytes()),
            Running::Sha1(m) => put(out, &m.finalize_reset().into_bytes()),
            Running::Sha256(m) => put(out, &m.finalize_reset().into_bytes()),
            Running::Sha384(m) => put(out, &m.finalize_reset().into_bytes()),
            Running::Sha512(m) => put(out, &m.finalize_reset().into_bytes()),
            Running::Plain(h) => put(out, &h.finalize_reset()),
            Running::PlainMd5(h) => put(out, &h.finalize_reset()),
            Running::PlainSha384(h) => put(out, &h.finalize_reset()),
        }
    }

    pub fn finish(self) -> Vec<u8> {
        match self {
            Running::Md5(m) => m.finalize().into_bytes().to_vec(),
            Running::Sha1(m) => m.finalize().into_bytes().to_vec(),
            Running::Sha256(m) => m.finalize().into_bytes().to_vec(),
            Running::Sha384(m) => m.finalize().into_bytes().to_vec(),
            Running::Sha512(m) => m.finalize().into_bytes().to_vec(),
            Running::Plain(h) => h.finalize().to_vec(),
            Running::PlainMd5(h) => h.finalize().to_vec(),
            Running::PlainSha384(h) => h.finalize().to_vec(),
        }
    }
}

thread_local! {
    /// The state of the last key, keyed (HMAC's inner and outer pads already hashed): a batch
    /// keys the same secret for every delivery, and keying costs two compression blocks, about
    /// a twentieth of the work for a 2 KiB body. Boxed, so that taking it out and putting it
    /// back moves a pointer.
    static KEYED: std::cell::RefCell<Option<Keyed>> = const { std::cell::RefCell::new(None) };
}

/// A keyed state with what it was keyed for.
type Keyed = (Algorithm, Vec<u8>, Box<Running>);

/// The digest of what `feed` writes, keyed with `key`, into the start of `out`; its length.
/// None for non-digest algorithms. The keyed state is reused from the last call with the same
/// key and reset after use; it is out of the cache while `feed` runs, so a panic in `feed`
/// can never leave a half-fed state behind for the next digest.
pub fn keyed_digest(
    algorithm: Algorithm,
    key: &[u8],
    feed: impl FnOnce(&mut Running),
    out: &mut [u8; MAX_DIGEST],
) -> Option<usize> {
    let cached = KEYED.with(|cell| cell.try_borrow_mut().ok().and_then(|mut last| last.take()));
    let (key, mut state) = match cached {
        Some((a, k, state)) if a == algorithm && k.as_slice() == key => (k, state),
        _ => (key.to_vec(), Box::new(Running::new(algorithm, key)?)),
    };
    feed(&mut state);
    let len = state.finish_reset_into(out);
    KEYED.with(|cell| {
        if let Ok(mut last) = cell.try_borrow_mut() {
            *last = Some((algorithm, key, state));
        }
    });
    Some(len)
}

/// The digest of `parts` joined, keyed with `key` for HMACs. None for non-digest algorithms.
pub fn digest(algorithm: Algorithm, key: &[u8], parts: &[&[u8]]) -> Option<Vec<u8>> {
    let mut out = [0; MAX_DIGEST];
    let len = keyed_digest(
        algorithm,
        key,
        |running| parts.iter().for_each(|part| running.update(part)),
        &mut out,
    )?;
    Some(out[..len].to_vec())
}

/// Constant-time equality of two byte strings (a length difference is not secret).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hmac_hex(alg: Algorithm, key: &[u8], data: &[u8]) -> String {
        hex::encode(digest(alg, key, &[data]).unwrap())
    }

    // RFC 4231 section 4: test cases 1, 2, 4, 6 and 7 (6 and 7 use a key longer than a block).
    #[test]
    fn rfc4231_hmac_sha256_and_sha512() {
        let cases: [(Vec<u8>, &[u8], &str, &str); 5] = [
            (
                vec![0x0b; 20],
                b"Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
            ),
            (
                b"Jefe".to_vec(),
                b"what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
            ),
            (
                (1..=25).collect(),
                &[0xcd; 50],
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
            ),
            (
                vec![0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
            ),
            (
                vec![0xaa; 131],
                b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
            ),
        ];
        for (key, data, sha256, sha512) in cases {
            assert_eq!(hmac_hex(Algorithm::HmacSha256, &key, data), sha256);
            assert_eq!(hmac_hex(Algorithm::HmacSha512, &key, data), sha512);
        }
    }

    #[test]
    fn rfc4231_truncated_case_5() {
        let mac = digest(
            Algorithm::HmacSha256,
            &[0x0c; 20],
            &[b"Test With Truncation"],
        )
        .unwrap();
        assert_eq!(hex::encode(&mac[..16]), "a3b6167473100ee06e0c796c2955552b");
    }

    // RFC 2202 test case 2 for HMAC-SHA1.
    #[test]
    fn rfc2202_hmac_sha1() {
        assert_eq!(
            hmac_hex(
                Algorithm::HmacSha1,
                b"Jefe",
                b"what do ya want for nothing?"
            ),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    #[test]
    fn the_cached_key_state_is_the_key_given() {
        // Alternating keys and algorithms: each digest is the one of its own key.
        let data: &[u8] = b"Hi There";
        let expect = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
        for _ in 0..3 {
            assert_eq!(hmac_hex(Algorithm::HmacSha256, &[0x0b; 20], data), expect);
            assert_eq!(hmac_hex(Algorithm::HmacSha256, &[0x0b; 20], data), expect);
            assert_ne!(hmac_hex(Algorithm::HmacSha256, &[0x0b; 21], data), expect);
            assert_ne!(
                hmac_hex(Algorithm::HmacSha512, &[0x0b; 20], data)[..64],
                *expect
            );
        }
    }

    #[test]
    fn a_panic_while_feeding_leaves_no_half_fed_state() {
        let expect = hmac_hex(Algorithm::HmacSha256, b"k", b"abc");
        let caught = std::panic::catch_unwind(|| {
            let mut out = [0; MAX_DIGEST];
            keyed_digest(
                Algorithm::HmacSha256,
                b"k",
                |running| {
                    running.update(b"half");
                    panic!("stop");
                },
                &mut out,
            )
        });
        assert!(caught.is_err());
        assert_eq!(hmac_hex(Algorithm::HmacSha256, b"k", b"abc"), expect);
    }

    #[test]
    fn parts_are_hashed_as_one_message() {
        let whole = digest(Algorithm::HmacSha256, b"k", &[b"abc.def"]);
        let split = digest(Algorithm::HmacSha256, b"k", &[b"abc", b".", b"def"]);
        assert_eq!(whole, split);
    }

    #[test]
    fn comparison() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }

    #[test]
    fn rfc2202_hmac_md5_and_rfc4231_hmac_sha384() {
        let (key, data) = (b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hmac_hex(Algorithm::HmacMd5, key, data),
            "750c783e6ab0b503eaa86e310a5db738"
        );
        assert_eq!(
            hmac_hex(Algorithm::HmacSha384, key, data),
            "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"
        );
    }

    #[test]
    fn plain_md5_and_sha384() {
        assert_eq!(
            hmac_hex(Algorithm::Md5, b"ignored", b"k3y{\"a\":1}"),
            "23c5ad1d0ef14c5ec9ad94bc810698c3"
        );
        assert_eq!(
            hmac_hex(Algorithm::Sha384, b"ignored", b"{\"a\":1}k3y"),
            "3ada7aa2006fca3b54a0df92aaa9863533294a2dcf46a371385137f0b3ee17cba573bfeb4fe566101b7855dada4a03f1"
        );
    }
}
