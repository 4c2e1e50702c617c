//! `--fetch-keys`: the certificate a delivery names (PayPal's `PAYPAL-CERT-URL`, Amazon SNS's
//! `SigningCertURL`), from a cache directory or over HTTPS.
//!
//! The URL is the delivery's, so an attacker's: it is checked against the scheme's documented
//! hosts and paths ([`CertUrl::allows`]) before the cache or the network is touched. The fetch
//! goes through hyper with rustls (Mozilla's roots from webpki-roots), HTTPS only, no redirects
//! followed, with a timeout and a size cap; what comes back must be an X.509 certificate with an
//! RSA key before it is cached. A cached file is used as it is: delete it to fetch again.
//!
//! A run that checks many deliveries (`batch`, `listen`) goes through one [`Fetcher`], which
//! remembers each URL's certificate (or failure) so that it is read or fetched once, and
//! remembers at most [`MAX_URLS`] of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use sha2::Digest as _;

use crate::input::{Delivery, PublicKey, certificate};
use crate::outcome::{Warning, WarningCode};
use crate::scheme::Scheme;
use crate::scheme::cert_url::CertUrl;

/// The largest certificate (chain) accepted from the network.
const MAX_CERT_BYTES: usize = 64 * 1024;

/// Where and how long to look.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub cache_dir: PathBuf,
    pub timeout: Duration,
}

/// A certificate found for a delivery.
#[derive(Debug)]
pub struct Found {
    /// The certificate as PEM text, as a public key for the check.
    pub key: PublicKey,
    pub url: String,
    /// The cache file it was read from or written to.
    pub file: PathBuf,
    /// False when it came over the network just now.
    pub cached: bool,
    /// The certificate's subject, for the report.
    pub subject: String,
}

impl Found {
    /// The report's note of where the certificate came from.
    pub fn warning(&self) -> Warning {
        Warning::new(
            WarningCode::CertificateFetched,
            format!(
                "the certificate {} ({}) {} {}",
                self.url,
                self.subject,
                if self.cached {
                    "was read from the cache"
                } else {
                    "was fetched over HTTPS and cached"
                },
                self.file.display()
            ),
        )
    }
}

/// Why no certificate could be had; every one is exit 2 (the check never ran).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{scheme} names no certificate URL a delivery could carry")]
    NotFetchable { scheme: String },
    #[error("the delivery has no {what} naming its certificate")]
    NoUrl { what: String },
    #[error("refused to fetch the certificate: {0}")]
    Refused(String),
    #[error("the cached certificate {} {reason}", file.display())]
    BadCache { file: PathBuf, reason: String },
    #[error("fetching {url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error(
        "refused to fetch the certificate: this run already uses {limit} certificate URLs (a sender naming more is suspect)"
    )]
    TooMany { limit: usize },
}

/// The user's cache directory for certificates: `$XDG_CACHE_HOME/hookcheck/certs`, else
/// `~/.cache/hookcheck/certs` (`~/Library/Caches/...` on macOS, `%LOCALAPPDATA%\...` on
/// Windows).
pub fn default_cache_dir() -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library").join("Caches"))
    } else {
        env("XDG_CACHE_HOME").or_else(|| env("HOME").map(|h| h.join(".cache")))
    }?;
    Some(base.join("hookcheck").join("certs"))
}

/// The cache file for `url`: its host and the start of its SHA-256, so that two URLs never
/// share a file and a person can tell whose it is.
pub fn cache_file(dir: &Path, url: &str) -> PathBuf {
    let host: String = url
        .trim_start_matches("https://")
        .split(['/', ':'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let hash = hex::encode(&sha2::Sha256::digest(url.as_bytes())[..12]);
    dir.join(format!("{host}-{hash}.pem"))
}

/// The URL the delivery names, after the scheme's rule has allowed it.
pub fn allowed_url(scheme: &Scheme, delivery: &Delivery) -> Result<(String, CertUrl), FetchError> {
    let rule = scheme
        .cert_url
        .clone()
        .ok_or_else(|| FetchError::NotFetchable {
            scheme: scheme.name.clone(),
        })?;
    let url = delivery
        .values(&rule.from)
        .into_iter()
        .next()
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| FetchError::NoUrl {
            what: crate::input::describe_part(&rule.from),
        })?;
    rule.allows(&url).map_err(FetchError::Refused)?;
    Ok((url, rule))
}

/// The certificate for `delivery`: from the cache when there, else fetched and cached.
pub fn certificate(
    scheme: &Scheme,
    delivery: &Delivery,
    options: &FetchOptions,
) -> Result<Found, FetchError> {
    let (url, _) = allowed_url(scheme, delivery)?;
    certificate_at(url, options)
}

/// The certificate at an allowed `url`: from the cache when there, else fetched and cached.
fn certificate_at(url: String, options: &FetchOptions) -> Result<Found, FetchError> {
    let file = cache_file(&options.cache_dir, &url);
    if let Ok(bytes) = std::fs::read(&file) {
        let (pem, subject) = usable(&bytes).map_err(|reason| FetchError::BadCache {
            file: file.clone(),
            reason,
        })?;
        return Ok(Found {
            key: PublicKey::new(pem),
            url,
            file,
            cached: true,
            subject,
        });
    }
    let fetch_error = |reason: String| FetchError::Fetch {
        url: url.clone(),
        reason,
    };
    let body = fetch(&url, options.timeout).map_err(fetch_error)?;
    let (pem, subject) =
        usable(&body).map_err(|reason| fetch_error(format!("the response {reason}")))?;
    store(&file, pem.as_bytes()).map_err(|e| {
        fetch_error(format!(
            "fetched, but it could not be cached in {}: {e}",
            options.cache_dir.display()
        ))
    })?;
    Ok(Found {
        key: PublicKey::new(pem),
        url,
        file,
        cached: false,
        subject,
    })
}

/// How many certificate URLs one [`Fetcher`] remembers; a delivery naming one more is refused
/// (while none of the failures it remembers has expired).
pub const MAX_URLS: usize = 64;

/// How long a [`Fetcher`] remembers that a certificate could not be had before a delivery
/// naming it may try again (a server that runs for hours must not give up for good).
const RETRY_AFTER: Duration = Duration::from_secs(60);

/// `--fetch-keys` for many deliveries, shared by threads: each allowed URL is read from the
/// cache directory or fetched once; a thread needing a URL another is fetching waits for it.
#[derive(Debug)]
pub struct Fetcher {
    options: FetchOptions,
    urls: Mutex<HashMap<String, Arc<Slot>>>,
}

/// One URL's certificate: None until first had; locked while it is being read or fetched.
#[derive(Debug, Default)]
struct Slot(Mutex<Option<Remembered>>);

#[derive(Debug)]
enum Remembered {
    Found(Arc<Found>),
    Failed(FetchError, Instant),
}

impl Slot {
    fn lock(&self) -> MutexGuard<'_, Option<Remembered>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A failure old enough to try again (a slot being fetched is never expired).
    fn expired(&self) -> bool {
        let Ok(state) = self.0.try_lock() else {
            return false;
        };
        matches!(&*state, Some(Remembered::Failed(_, at)) if at.elapsed() >= RETRY_AFTER)
    }
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Fetcher {
        Fetcher {
            options,
            urls: Mutex::new(HashMap::new()),
        }
    }

    /// What [`Fetcher::certificate`] gives when it needs no I/O (a refused URL, a certificate
    /// or a failure remembered); None when it would read, fetch or wait. For an event loop,
    /// which sends the other cases to [`Fetcher::certificate`] on a thread.
    pub fn remembered(
        &self,
        scheme: &Scheme,
        delivery: &Delivery,
    ) -> Option<Result<Arc<Found>, FetchError>> {
        let url = match allowed_url(scheme, delivery) {
            Ok((url, _)) => url,
            Err(e) => return Some(Err(e)),
        };
        let slot = self.urls().get(&url)?.clone();
        let state = slot.0.try_lock().ok()?;
        match &*state {
            Some(Remembered::Found(found)) => Some(Ok(found.clone())),
            Some(Remembered::Failed(e, at)) if at.elapsed() < RETRY_AFTER => Some(Err(e.clone())),
            _ => None,
        }
    }

    /// The certificate `delivery` names: the URL is checked against the scheme's rule first,
    /// then the certificate is remembered, read from the cache directory or fetched.
    pub fn certificate(
        &self,
        scheme: &Scheme,
        delivery: &Delivery,
    ) -> Result<Arc<Found>, FetchError> {
        let (url, _) = allowed_url(scheme, delivery)?;
        let slot = self.slot(&url)?;
        let mut state = slot.lock();
        match &*state {
            Some(Remembered::Found(found)) => return Ok(found.clone()),
            Some(Remembered::Failed(e, at)) if at.elapsed() < RETRY_AFTER => return Err(e.clone()),
            _ => {}
        }
        let result = certificate_at(url, &self.options).map(Arc::new);
        *state = Some(match &result {
            Ok(found) => Remembered::Found(found.clone()),
            Err(e) => Remembered::Failed(e.clone(), Instant::now()),
        });
        result
    }

    /// The URL's slot, made when there is room: expired failures give theirs up.
    fn slot(&self, url: &str) -> Result<Arc<Slot>, FetchError> {
        let mut urls = self.urls();
        if let Some(slot) = urls.get(url) {
            return Ok(slot.clone());
        }
        if urls.len() >= MAX_URLS {
            urls.retain(|_, slot| !slot.expired());
        }
        if urls.len() >= MAX_URLS {
            return Err(FetchError::TooMany { limit: MAX_URLS });
        }
        Ok(urls.entry(url.to_owned()).or_default().clone())
    }

    fn urls(&self) -> MutexGuard<'_, HashMap<String, Arc<Slot>>> {
        self.urls.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The first certificate of a PEM text, re-armoured, when it carries an RSA key; with its
/// subject.
fn usable(bytes: &[u8]) -> Result<(String, String), String> {
    use base64::Engine as _;
    let der = certificate::first_certificate_der(bytes)
        .ok_or_else(|| "is not a PEM X.509 certificate".to_owned())?;
    if certificate::rsa_public_key(&der).is_none() {
        return Err("is a certificate without an RSA key".to_owned());
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(&der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    );
    let subject = certificate::subject(&der).unwrap_or_default();
    Ok((pem, subject))
}

/// Writes `bytes` to `file` through a temporary file in the same directory, so that a reader
/// never sees half a certificate.
fn store(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, file)
}

/// GET `url` over HTTPS (only), the whole answer within `timeout`, at most
/// [`MAX_CERT_BYTES`]; redirects are not followed.
fn fetch(url: &str, timeout: Duration) -> Result<Vec<u8>, String> {
    use http_body_util::{BodyExt as _, Empty, Limited};
    use hyper_util::client::legacy::Client;
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::rt::TokioExecutor;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(timeout));
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_only()
            .enable_http1()
            .wrap_connector(http);
        let client: Client<_, Empty<bytes::Bytes>> =
            Client::builder(TokioExecutor::new()).build(https);
        let request = hyper::Request::get(url)
            .header(
                "user-agent",
                concat!("hookcheck/", env!("CARGO_PKG_VERSION")),
            )
            .body(Empty::new())
            .map_err(|e| e.to_string())?;
        let work = async {
            let response = client.request(request).await.map_err(|e| e.to_string())?;
            let status = response.status();
            if status != hyper::StatusCode::OK {
                return Err(format!(
                    "the server answered {status} (redirects are not followed)"
                ));
            }
            let body = Limited::new(response.into_body(), MAX_CERT_BYTES)
                .collect()
                .await
                .map_err(|e| format!("reading the answer: {e}"))?;
            Ok(body.to_bytes().to_vec())
        };
        tokio::time::timeout(timeout, work)
            .await
            .map_err(|_| format!("no answer within {} s", timeout.as_secs()))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_files_are_named_by_host_and_hash() {
        let dir = Path::new("/c");
        let a = cache_file(dir, "https://api.paypal.com/v1/notifications/certs/CERT-1");
        let b = cache_file(dir, "https://api.paypal.com/v1/notifications/certs/CERT-2");
        assert!(a.to_string_lossy().starts_with("/c/api.paypal.com-"));
        assert_ne!(a, b);
        assert!(a.to_string_lossy().ends_with(".pem"));
    }

    fn naming(url: &str) -> Delivery {
        let mut headers = crate::input::Headers::new();
        headers.push("PAYPAL-CERT-URL", url);
        Delivery::new(headers, "")
    }

    #[test]
    fn a_fetcher_reads_each_url_once_and_remembers_a_bounded_number() {
        let dir = std::env::temp_dir().join(format!("hookcheck-fetcher-{}", std::process::id()));
        let url = |i: usize| format!("https://api.paypal.com/v1/notifications/certs/CERT-{i}");
        let cert = include_bytes!("../fixtures/paypal/paypal-cert.pem");
        for i in 0..=MAX_URLS {
            store(&cache_file(&dir, &url(i)), cert).unwrap();
        }
        let paypal = crate::scheme::registry::find("paypal").unwrap();
        let fetcher = Fetcher::new(FetchOptions {
            cache_dir: dir.clone(),
            timeout: Duration::from_secs(1),
        });
        let first = naming(&url(0));
        assert!(fetcher.remembered(paypal, &first).is_none());
        // Two threads needing one URL at once: one reads it, both get the same certificate.
        let (a, b) = std::thread::scope(|s| {
            let other = s.spawn(|| fetcher.certificate(paypal, &first).unwrap());
            (
                fetcher.certificate(paypal, &first).unwrap(),
                other.join().unwrap(),
            )
        });
        assert!(Arc::ptr_eq(&a, &b));
        // Remembered: the file is not read again.
        std::fs::remove_file(cache_file(&dir, &url(0))).unwrap();
        assert!(Arc::ptr_eq(
            &fetcher.certificate(paypal, &first).unwrap(),
            &a
        ));
        assert!(fetcher.remembered(paypal, &first).unwrap().is_ok());
        for i in 1..MAX_URLS {
            fetcher.certificate(paypal, &naming(&url(i))).unwrap();
        }
        let more = fetcher.certificate(paypal, &naming(&url(MAX_URLS)));
        assert_eq!(more.unwrap_err(), FetchError::TooMany { limit: MAX_URLS });
        // A URL off the documented hosts is refused before any slot or cache is looked at.
        let evil = naming("https://evil.example/v1/notifications/certs/CERT-0");
        assert!(matches!(
            fetcher.remembered(paypal, &evil),
            Some(Err(FetchError::Refused(_)))
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_certificates_with_rsa_keys_are_usable() {
        let sns = include_bytes!("../fixtures/amazon-sns/signing-cert.pem");
        let (pem, subject) = usable(sns).unwrap();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert_eq!(subject, "CN=sns.amazonaws.com");
        assert!(usable(b"<html>not found</html>").is_err());
        let key = include_bytes!("../fixtures/bridge-xyz/bridge-docs.pem");
        assert!(usable(key).is_err());
    }
}
