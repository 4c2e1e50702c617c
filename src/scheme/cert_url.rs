//! The certificate URL a delivery names (PayPal's `PAYPAL-CERT-URL`, Amazon SNS's
//! `SigningCertURL`), and the rule that says whether `--fetch-keys` may fetch it.
//!
//! The URL comes from the delivery, which an attacker writes: fetching whatever it names would
//! let anyone sign with their own key and point at their own certificate. So a URL is fetched
//! only when it is `https://`, on one of the provider's documented hosts, with a documented path,
//! and nothing else that could change where the request goes (no user info, no port other than
//! 443, no query or fragment). The check is made on the text, before any request.

use serde::{Deserialize, Serialize};

/// Where a scheme's delivery names its certificate, and the URLs that may be fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertUrl {
    /// The part of the delivery holding the URL, in `Delivery::values` syntax
    /// (`PAYPAL-CERT-URL`, `body:SigningCertURL`).
    pub from: String,
    /// Host names, matched without case; `*` stands for exactly one DNS label
    /// (`sns.*.amazonaws.com` is `sns.us-east-1.amazonaws.com`, not `sns.a.b.amazonaws.com`).
    pub hosts: Vec<String>,
    /// The path must start with this (`/v1/notifications/certs/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// The path must end with this (`.pem`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_suffix: Option<String>,
}

impl CertUrl {
    /// What a scheme file must get right: at least one host, each a plain DNS name (with
    /// whole-label `*`), never a bare `*`.
    pub fn validate(&self) -> Result<(), String> {
        if self.from.is_empty() {
            return Err("`from` names the header or body field holding the URL".to_owned());
        }
        if self.hosts.is_empty() {
            return Err("`hosts` lists the hosts a certificate may come from".to_owned());
        }
        for host in &self.hosts {
            let labels: Vec<&str> = host.split('.').collect();
            let fixed = labels.iter().filter(|l| **l != "*").count();
            if fixed < 2 || labels.iter().any(|l| !valid_label(l) && *l != "*") {
                return Err(format!(
                    "host {host:?}: a DNS name of at least two fixed labels; `*` only as a whole label"
                ));
            }
        }
        Ok(())
    }

    /// `Ok(())` when `url` may be fetched; else why not, in words for the report.
    pub fn allows(&self, url: &str) -> Result<(), String> {
        let rest = url
            .strip_prefix("https://")
            .ok_or_else(|| format!("{url:?} is not an https:// URL"))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(format!("{url:?} carries user information before its host"));
        }
        let host = match authority.rsplit_once(':') {
            Some((host, "443")) => host,
            Some(_) => return Err(format!("{url:?} names a port other than 443")),
            None => authority,
        };
        let host = host.to_ascii_lowercase();
        if !self
            .hosts
            .iter()
            .any(|pattern| host_matches(pattern, &host))
        {
            return Err(format!(
                "{host:?} is not one of the documented certificate hosts ({})",
                self.hosts.join(", ")
            ));
        }
        if path.contains(['?', '#', '\\']) || path.contains("..") || path.contains('%') {
            return Err(format!(
                "{url:?} has a query, fragment, escape or `..` in its path"
            ));
        }
        if let Some(prefix) = &self.path_prefix {
            if !path.starts_with(prefix.as_str()) {
                return Err(format!("{url:?}: the path does not start with {prefix:?}"));
            }
        }
        if let Some(suffix) = &self.path_suffix {
            if !path.ends_with(suffix.as_str()) || path.len() <= suffix.len() + 1 {
                return Err(format!("{url:?}: the path does not end with {suffix:?}"));
            }
        }
        if !path.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(format!("{url:?} has spaces or non-ASCII in its path"));
        }
        Ok(())
    }
}

/// A DNS label: letters, digits and inner hyphens, 1 to 63 characters.
fn valid_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// `host` (lower case) against `pattern`: equal label by label, `*` any one valid label.
fn host_matches(pattern: &str, host: &str) -> bool {
    let (p, h): (Vec<&str>, Vec<&str>) = (pattern.split('.').collect(), host.split('.').collect());
    p.len() == h.len()
        && p.iter()
            .zip(&h)
            .all(|(p, h)| valid_label(h) && (*p == "*" || p.eq_ignore_ascii_case(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sns() -> CertUrl {
        CertUrl {
            from: "body:SigningCertURL".into(),
            hosts: vec![
                "sns.*.amazonaws.com".into(),
                "sns.*.amazonaws.com.cn".into(),
            ],
            path_prefix: None,
            path_suffix: Some(".pem".into()),
        }
    }

    fn paypal() -> CertUrl {
        CertUrl {
            from: "PAYPAL-CERT-URL".into(),
            hosts: vec!["api.paypal.com".into(), "api.sandbox.paypal.com".into()],
            path_prefix: Some("/v1/notifications/certs/".into()),
            path_suffix: None,
        }
    }

    #[test]
    fn documented_urls_are_allowed() {
        let ok = [
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem",
            "https://SNS.eu-west-1.amazonaws.com:443/SimpleNotificationService-x.pem",
            "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem",
        ];
        for url in ok {
            assert_eq!(sns().allows(url), Ok(()), "{url}");
        }
        assert_eq!(
            paypal().allows("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-ab66f33d"),
            Ok(())
        );
    }

    #[test]
    fn hostile_urls_are_refused_before_any_request() {
        let refused = [
            // Not HTTPS.
            "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem",
            // Another host, or one that merely contains the documented name.
            "https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-x.pem",
            "https://evil.example/sns.us-east-1.amazonaws.com/x.pem",
            "https://sns.a.b.amazonaws.com/x.pem",
            "https://sns..amazonaws.com/x.pem",
            "https://s3.amazonaws.com/x.pem",
            // User information: the real host is after the `@`.
            "https://sns.us-east-1.amazonaws.com@evil.example/x.pem",
            "https://sns.us-east-1.amazonaws.com:443@evil.example/x.pem",
            // Other ports, queries, fragments, escapes, traversal.
            "https://sns.us-east-1.amazonaws.com:8443/x.pem",
            "https://sns.us-east-1.amazonaws.com/x.pem?redirect=https://evil.example/",
            "https://sns.us-east-1.amazonaws.com/x.pem#frag",
            "https://sns.us-east-1.amazonaws.com/%2e%2e/x.pem",
            "https://sns.us-east-1.amazonaws.com/a/../x.pem",
            "https://sns.us-east-1.amazonaws.com/x.txt",
            "https://sns.us-east-1.amazonaws.com/.pem",
            "https://sns.us-east-1.amazonaws.com",
            "ftp://sns.us-east-1.amazonaws.com/x.pem",
            "HTTPS://sns.us-east-1.amazonaws.com/x.pem",
        ];
        for url in refused {
            assert!(sns().allows(url).is_err(), "{url}");
        }
        for url in [
            "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1",
            "https://api.paypal.com/v1/oauth2/token",
            "https://www.paypal.com/v1/notifications/certs/CERT-1",
            "https://evil.example/v1/notifications/certs/CERT-1",
        ] {
            assert!(paypal().allows(url).is_err(), "{url}");
        }
    }

    #[test]
    fn scheme_files_name_real_hosts() {
        let mut bad = sns();
        bad.hosts = vec!["*".into()];
        assert!(bad.validate().is_err());
        bad.hosts = vec!["*.com".into()];
        assert!(bad.validate().is_err());
        bad.hosts = vec!["sns*.amazonaws.com".into()];
        assert!(bad.validate().is_err());
        assert!(sns().validate().is_ok());
        assert!(paypal().validate().is_ok());
    }
}
