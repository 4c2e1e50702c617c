//! The HTTP client `send` and `listen --forward` use: hyper-util's pooled client, plain TCP
//! for `http://` and rustls (ring, Mozilla's roots from webpki-roots) for `https://`.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::Request;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use hookcheck::input::Delivery;

pub type Client = HyperClient<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

/// A response as received.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Bytes,
}

pub fn new_client() -> Client {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    connector.set_connect_timeout(Some(Duration::from_secs(10)));
    connector.enforce_http(false);
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .wrap_connector(connector);
    HyperClient::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .build(https)
}

/// Headers that belong to one connection, not to the message: never relayed.
pub fn hop_by_hop(name: &str) -> bool {
    [
        "connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "host",
        "content-length",
    ]
    .iter()
    .any(|h| name.eq_ignore_ascii_case(h))
}

/// Sends `method url` with `headers` and `body`; the whole response is read.
pub async fn request(
    client: &Client,
    method: &str,
    url: &str,
    headers: impl Iterator<Item = (String, Vec<u8>)>,
    body: Bytes,
    timeout: Duration,
) -> Result<Response, String> {
    let uri: hyper::Uri = url.parse().map_err(|e| format!("{url}: {e}"))?;
    if !matches!(uri.scheme_str(), Some("http" | "https")) {
        return Err(format!(
            "{url}: only http:// and https:// URLs can be sent to"
        ));
    }
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        if hop_by_hop(&name) {
            continue;
        }
        builder = builder.header(name.as_str(), value.as_slice());
    }
    let req = builder.body(Full::new(body)).map_err(|e| e.to_string())?;
    let work = async {
        let response = client.request(req).await.map_err(|e| {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        })?;
        let status = response.status();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
            .collect();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("reading the response: {e}"))?
            .to_bytes();
        Ok(Response {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
            headers,
            body,
        })
    };
    tokio::time::timeout(timeout, work)
        .await
        .map_err(|_| format!("no response within {} s", timeout.as_secs()))?
}

/// `send`: one delivery to `url`, on a runtime of its own.
pub fn send(url: &str, delivery: &Delivery, timeout: Duration) -> Result<Response, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let client = new_client();
        let headers = delivery
            .headers
            .iter()
            .map(|(n, v)| (n.to_owned(), v.as_bytes().to_vec()))
            .collect::<Vec<_>>();
        request(
            &client,
            delivery.method.as_deref().unwrap_or("POST"),
            url,
            headers.into_iter(),
            Bytes::from(delivery.body.clone()),
            timeout,
        )
        .await
    })
}
