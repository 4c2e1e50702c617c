//! Sender certificates and RSA public keys, read offline: an X.509 certificate, a
//! SubjectPublicKeyInfo or a PKCS#1 RSAPublicKey, each as DER (the bytes after PEM armour or
//! base64 are taken off by the caller).
//!
//! A certificate given with `--cert-file` (or fetched with `--fetch-keys`) is used for its public
//! key only: its chain and dates are not checked, since the user (or the HTTPS fetch from the
//! provider's documented host) vouches for it.

use rsa::RsaPublicKey;
use x509_cert::der::{Decode as _, Encode as _};

/// The RSA public key in `der`: a certificate's, a SubjectPublicKeyInfo or a PKCS#1 key.
pub fn rsa_public_key(der: &[u8]) -> Option<RsaPublicKey> {
    use rsa::pkcs1::DecodeRsaPublicKey as _;
    use rsa::pkcs8::DecodePublicKey as _;
    if let Ok(cert) = x509_cert::Certificate::from_der(der) {
        let spki = cert.tbs_certificate.subject_public_key_info.to_der().ok()?;
        return RsaPublicKey::from_public_key_der(&spki).ok();
    }
    RsaPublicKey::from_public_key_der(der)
        .or_else(|_| RsaPublicKey::from_pkcs1_der(der))
        .ok()
}

/// The DER bytes of the first certificate in PEM text (a fetched chain starts with the
/// signer's own certificate), or None when the text holds none.
pub fn first_certificate_der(text: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let text = std::str::from_utf8(text).ok()?;
    let start = text.find("-----BEGIN CERTIFICATE-----")?;
    let body = &text[start + "-----BEGIN CERTIFICATE-----".len()..];
    let end = body.find("-----END CERTIFICATE-----")?;
    let b64: String = body[..end].split_whitespace().collect();
    let der = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    x509_cert::Certificate::from_der(&der).ok()?;
    Some(der)
}

/// The subject of a DER certificate, for reports (`CN=sns.amazonaws.com`).
pub fn subject(der: &[u8]) -> Option<String> {
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    Some(cert.tbs_certificate.subject.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNS_CERT: &str = include_str!("../../fixtures/amazon-sns/signing-cert.pem");

    #[test]
    fn a_certificate_gives_its_rsa_key() {
        let der = first_certificate_der(SNS_CERT.as_bytes()).expect("a certificate");
        let key = rsa_public_key(&der).expect("an RSA key");
        assert_eq!(rsa::traits::PublicKeyParts::size(&key), 256);
        assert_eq!(subject(&der).as_deref(), Some("CN=sns.amazonaws.com"));
        assert!(
            first_certificate_der(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")
                .is_none()
        );
        assert!(rsa_public_key(b"\x30\x03\x02\x01\x00").is_none());
    }
}
