//! `hookcheck listen` end to end: the real binary on an ephemeral loopback port, real HTTP/1.1
//! over TCP (and `hookcheck send`) as clients. No external network.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::util::{hookcheck, hookcheck_with_stdin, path_str, root, scratch};

const SECRET: &str = "listen-test-secret-0001";

struct Server {
    child: Child,
    port: u16,
    stdout: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    /// A server keyed with `SECRET`.
    fn start(extra: &[&str]) -> Server {
        let mut args = vec!["--secret", SECRET];
        args.extend_from_slice(extra);
        Server::start_with(&args)
    }

    /// A server with only these arguments after `listen --bind 127.0.0.1:0`.
    fn start_with(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .args(["listen", "--bind", "127.0.0.1:0"])
            .args(args)
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("listen starts");
        let (out_tx, stdout) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = out_tx.send(line);
            }
        });
        let (err_tx, stderr) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = err_tx.send(line);
            }
        });
        let first = stderr
            .recv_timeout(Duration::from_secs(20))
            .expect("listen prints its address");
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        Server {
            child,
            port,
            stdout,
            stderr,
        }
    }

    /// Ctrl-C: the server stops, and says its tally.
    fn stop(mut self) -> (Vec<String>, Vec<String>) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < deadline, "listen did not stop on SIGINT");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(0), "listen exit");
        std::thread::sleep(Duration::from_millis(100));
        (
            self.stdout.try_iter().collect(),
            self.stderr.try_iter().collect(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One response read off a keep-alive connection: (status, headers, body).
fn read_response(reader: &mut BufReader<TcpStream>) -> (u16, String, Vec<u8>) {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("response head");
        assert!(
            n > 0,
            "connection closed before a response; head so far {head:?}"
        );
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status = head[9..12].parse().expect("status code");
    let length = head
        .lines()
        .find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("response body");
    (status, head, body)
}

/// Sends raw request bytes on a new connection and reads one response.
fn exchange(port: u16, request: &[u8]) -> (u16, String, Vec<u8>) {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    (&stream).write_all(request).unwrap();
    read_response(&mut BufReader::new(stream))
}

/// A signed capture from `hookcheck sign`, ready to write to a socket.
fn signed(provider: &str, secret: &str, body: &str, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["sign", "-p", provider, "--secret", secret, "--body", body];
    args.extend(extra);
    let run = hookcheck(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.into_bytes()
}

#[test]
fn concurrent_keep_alive_deliveries_are_each_verified() {
    let server = Server::start(&["--format", "json", "--no-diagnose"]);
    let good = signed("github", SECRET, r#"{"zen":"ok"}"#, &[]);
    let bad = signed("github", "another-secret", r#"{"zen":"no"}"#, &[]);
    let port = server.port;
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (good, bad) = (good.clone(), bad.clone());
            std::thread::spawn(move || {
                let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(20)))
                    .unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut statuses = Vec::new();
                for i in 0..25 {
                    let req = if (t + i) % 5 == 0 { &bad } else { &good };
                    (&stream).write_all(req).unwrap();
                    statuses.push(read_response(&mut reader).0);
                }
                statuses
            })
        })
        .collect();
    let mut ok = 0;
    let mut refused = 0;
    for t in threads {
        for status in t.join().unwrap() {
            match status {
                200 => ok += 1,
                401 => refused += 1,
                other => panic!("status {other}"),
            }
        }
    }
    assert_eq!((ok, refused), (160, 40));
    let (stdout, stderr) = server.stop();
    let lines: Vec<serde_json::Value> = stdout
        .iter()
        .map(|l| serde_json::from_str(l).expect("JSON Lines"))
        .collect();
    let deliveries: Vec<_> = lines
        .iter()
        .filter(|l| l.get("verdict").is_some())
        .collect();
    assert_eq!(deliveries.len(), 200);
    assert_eq!(
        deliveries
            .iter()
            .filter(|l| l["verified"] == true && l["provider"] == "github")
            .count(),
        160
    );
    let tally = lines.last().unwrap();
    assert_eq!(tally["tally"]["verified"], 160, "{tally}");
    assert_eq!(tally["tally"]["not_verified"], 40);
    assert!(
        stderr
            .iter()
            .any(|l| l.contains("160 verified, 40 not verified")),
        "{stderr:?}"
    );
}

#[test]
fn failing_deliveries_are_explained_and_refused() {
    let server = Server::start(&["--provider", "slack"]);
    // Signed with the right secret, then the body changed in transit.
    let capture = String::from_utf8(signed("slack", SECRET, r#"{"a":1}"#, &[])).unwrap();
    let altered = capture.replace(r#"{"a":1}"#, r#"{"a":2}"#);
    let (status, _, body) = exchange(server.port, altered.as_bytes());
    assert_eq!(status, 401);
    assert!(String::from_utf8_lossy(&body).contains("not verified"));
    let (stdout, _) = server.stop();
    let text = stdout.join("\n");
    assert!(
        text.contains("POST /webhooks slack 401 ✗ not verified"),
        "{text}"
    );
    // The diagnosis follows the line, indented.
    assert!(text.contains("\n    cause: "), "{text}");
}

#[test]
fn always_2xx_still_reports_the_verdict() {
    let server = Server::start(&["--respond", "always-2xx", "--provider", "github"]);
    let bad = signed("github", "nope-nope", "{}", &[]);
    assert_eq!(exchange(server.port, &bad).0, 200);
    let (stdout, _) = server.stop();
    assert!(stdout.join("\n").contains("✗ not verified"));
}

#[test]
fn signed_challenges_are_answered_only_when_they_verify() {
    let server = Server::start(&[]);
    let port = server.port;
    // Slack url_verification.
    let slack = r#"{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#;
    let (status, _, body) = exchange(port, &signed("slack", SECRET, slack, &[]));
    assert_eq!(status, 200);
    assert_eq!(
        body,
        b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    );
    let (status, _, body) = exchange(port, &signed("slack", "wrong-secret", slack, &[]));
    assert_eq!(status, 401);
    assert!(!String::from_utf8_lossy(&body).contains("3eZbrw1a"));
    // Zoom endpoint.url_validation: plainToken and its HMAC.
    let zoom = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let (status, _, body) = exchange(port, &signed("zoom", SECRET, zoom, &[]));
    assert_eq!(status, 200);
    let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
    let want = hex::encode(
        hookcheck::mac::digest(
            hookcheck::scheme::Algorithm::HmacSha256,
            SECRET.as_bytes(),
            &[b"qgg8vlvZRS6UYooatFL8Aw"],
        )
        .unwrap(),
    );
    assert_eq!(answer["encryptedToken"], want.as_str());
    assert_eq!(exchange(port, &signed("zoom", "wrong", zoom, &[])).0, 401);
    // Twitch webhook_callback_verification.
    let twitch = r#"{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"type":"channel.follow"}}"#;
    let header = [
        "-H",
        "Twitch-Eventsub-Message-Type: webhook_callback_verification",
    ];
    let (status, _, body) = exchange(port, &signed("twitch", SECRET, twitch, &header));
    assert_eq!(
        (status, body.as_slice()),
        (200, &b"pogchamp-kappa-360noscope-vohiyo"[..])
    );
    assert_eq!(
        exchange(port, &signed("twitch", "wrong", twitch, &header)).0,
        401
    );
    let (stdout, stderr) = server.stop();
    assert!(
        stdout
            .join("\n")
            .contains("Zoom endpoint.url_validation challenge answered")
    );
    assert!(
        stderr.iter().any(|l| l.contains("3 challenges answered")),
        "{stderr:?}"
    );
}

#[test]
fn unsigned_challenges() {
    let server = Server::start(&["--verify-token", "meta-verify-token"]);
    let port = server.port;
    let get = |target: &str| {
        exchange(
            port,
            format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    let (status, head, body) = get("/dropbox?challenge=dbx-123");
    assert_eq!((status, body.as_slice()), (200, &b"dbx-123"[..]));
    assert!(
        head.to_ascii_lowercase()
            .contains("x-content-type-options: nosniff")
    );
    let (status, _, body) =
        get("/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meta-verify-token");
    assert_eq!((status, body.as_slice()), (200, &b"1158201444"[..]));
    let (status, _, body) =
        get("/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
    assert_eq!(status, 403);
    assert!(body.is_empty());
    let graph = exchange(
        port,
        b"POST /graph?validationToken=Validation%3A%20Testing%20client%20application HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(graph.0, 200);
    assert_eq!(graph.2, b"Validation: Testing client application");
    server.stop();
}

/// A local app that answers every request with 202 and reports what it received.
fn test_app() -> (u16, mpsc::Receiver<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().map_while(Result::ok) {
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut raw = Vec::new();
                    let mut length = 0;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                            length = v.trim().parse().unwrap_or(0);
                        }
                        raw.extend_from_slice(line.as_bytes());
                        if line == "\r\n" {
                            break;
                        }
                    }
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).unwrap();
                    raw.extend_from_slice(&body);
                    let _ = tx.send(raw);
                    let reply = b"HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\nX-App: yes\r\n\r\napp got it";
                    if (&stream).write_all(reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, rx)
}

#[test]
fn forward_relays_the_exact_delivery_and_the_apps_answer() {
    let (app_port, received) = test_app();
    let forward = format!("http://127.0.0.1:{app_port}/webhooks");
    let server = Server::start(&["--forward", &forward]);
    let body = "{\"a\": 1,\r\n \"é\": \"\\u00e9\"}\n";
    let capture = signed("github", SECRET, body, &["-H", "X-GitHub-Event: push"]);
    let (status, head, reply) = exchange(server.port, &capture);
    assert_eq!(status, 202);
    assert_eq!(reply, b"app got it");
    assert!(head.to_ascii_lowercase().contains("x-app: yes"));
    let got = received.recv_timeout(Duration::from_secs(10)).unwrap();
    let got = String::from_utf8(got).unwrap();
    assert!(got.starts_with("POST /webhooks HTTP/1.1\r\n"), "{got}");
    assert!(got.ends_with(body), "{got:?}");
    let sent = String::from_utf8(capture).unwrap();
    let signature = sent
        .lines()
        .find(|l| l.starts_with("X-Hub-Signature-256"))
        .unwrap();
    assert!(
        got.to_ascii_lowercase()
            .contains(&signature.to_ascii_lowercase())
    );
    // The forwarded delivery verifies at the app too.
    let app_capture = got.replacen("POST /webhooks", "POST https://example.com/webhooks", 1);
    let check = hookcheck_with_stdin(
        &[
            "verify",
            "-p",
            "github",
            "--request",
            "-",
            "--secret",
            SECRET,
        ],
        app_capture.as_bytes(),
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    let (stdout, stderr) = server.stop();
    assert!(
        stdout.join("\n").contains("✓ verified · → app 202"),
        "{stdout:?}"
    );
    assert!(stderr.iter().any(|l| l.contains("1 forwarded")));
}

#[test]
fn forward_to_a_dead_app_is_a_502() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server::start(&["--forward", &format!("http://127.0.0.1:{port}/x")]);
    let (status, _, _) = exchange(server.port, &signed("github", SECRET, "{}", &[]));
    assert_eq!(status, 502);
    server.stop();
}

#[test]
fn oversized_bodies_get_413_and_the_server_keeps_serving() {
    let server = Server::start(&["--max-body", "1K"]);
    let big = "x".repeat(2048);
    let (status, _, _) = exchange(server.port, &signed("github", SECRET, &big, &[]));
    assert_eq!(status, 413);
    // No Content-Length: the cap applies while reading the chunks.
    let chunk = "y".repeat(1500);
    let chunked = format!(
        "POST /c HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        chunk.len()
    );
    assert_eq!(exchange(server.port, chunked.as_bytes()).0, 413);
    assert_eq!(
        exchange(server.port, &signed("github", SECRET, "{}", &[])).0,
        200
    );
    let (stdout, _) = server.stop();
    assert!(
        stdout
            .join("\n")
            .contains("413 rejected: body larger than --max-body")
    );
}

#[test]
fn malformed_requests_get_400_and_the_server_keeps_serving() {
    let server = Server::start(&[]);
    for garbage in [
        &b"GARBAGE\r\n\r\n"[..],
        b"POST / HTTP/1.1\r\nBad Header Line\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
    ] {
        let (status, _, _) = exchange(server.port, garbage);
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(garbage));
    }
    assert_eq!(
        exchange(server.port, &signed("github", SECRET, "{}", &[])).0,
        200
    );
    let (_, stderr) = server.stop();
    assert!(
        stderr.iter().any(|l| l.contains("3 rejected")),
        "{stderr:?}"
    );
}

#[test]
fn slow_clients_are_cut_off() {
    let server = Server::start(&["--header-timeout", "1", "--read-timeout", "1"]);
    // A head that never ends (slowloris): the connection is closed.
    let started = Instant::now();
    let stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    (&stream)
        .write_all(b"POST /slow HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut buf = Vec::new();
    let _ = (&stream).read_to_end(&mut buf);
    assert!(started.elapsed() < Duration::from_secs(8), "not cut off");
    // A body that stalls: 408.
    let stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    (&stream)
        .write_all(b"POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\"")
        .unwrap();
    let (status, _, _) = read_response(&mut BufReader::new(stream));
    assert_eq!(status, 408);
    // Meanwhile others are served.
    assert_eq!(
        exchange(server.port, &signed("github", SECRET, "{}", &[])).0,
        200
    );
    server.stop();
}

#[test]
fn save_writes_captures_that_batch_replays() {
    let dir = scratch("listen-save");
    let server = Server::start(&["--save", &path_str(&dir)]);
    assert_eq!(
        exchange(server.port, &signed("github", SECRET, "{\"n\":1}", &[])).0,
        200
    );
    assert_eq!(
        exchange(server.port, &signed("stripe", SECRET, "{\"n\":2}", &[])).0,
        200
    );
    server.stop();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].ends_with("-github-verified.http"), "{names:?}");
    let run = hookcheck(&[
        "batch",
        &path_str(&dir),
        "--secret",
        SECRET,
        "--no-tolerance",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn send_reports_status_and_exit_codes() {
    let server = Server::start(&["--provider", "stripe"]);
    let url = format!("http://127.0.0.1:{}/webhooks", server.port);
    let ok = hookcheck(&[
        "send",
        &url,
        "-p",
        "stripe",
        "--secret",
        SECRET,
        "--body",
        "{\"x\":1}",
        "--format",
        "json",
    ]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    let report: serde_json::Value = serde_json::from_str(&ok.stdout).unwrap();
    assert_eq!(report["status"], 200);
    assert!(report["ms"].as_f64().unwrap() >= 0.0);
    let bad = hookcheck(&[
        "send", &url, "-p", "stripe", "--secret", "wrong", "--body", "{}",
    ]);
    assert_eq!(bad.code, 1, "{}", bad.stdout);
    assert!(
        bad.stdout.starts_with("401 Unauthorized in "),
        "{}",
        bad.stdout
    );
    // An old capture is refused as a replay; --resign gives it a fresh timestamp.
    let dir = scratch("send-resign");
    let old = dir.join("old.http");
    let capture = signed(
        "stripe",
        SECRET,
        "{\"x\":2}",
        &["--timestamp", "1600000000"],
    );
    std::fs::write(&old, capture).unwrap();
    let replay = hookcheck(&["send", &url, "--request", &path_str(&old)]);
    assert_eq!(replay.code, 1, "{}", replay.stdout);
    let resigned = hookcheck(&[
        "send",
        &url,
        "--request",
        &path_str(&old),
        "--resign",
        "-p",
        "stripe",
        "--secret",
        SECRET,
    ]);
    assert_eq!(resigned.code, 0, "{}{}", resigned.stdout, resigned.stderr);
    // https:// to a plain-HTTP server: the TLS handshake fails, a connection error (exit 2).
    let tls = hookcheck(&[
        "send",
        &url.replace("http://", "https://"),
        "-p",
        "stripe",
        "--secret",
        SECRET,
        "--body",
        "{}",
    ]);
    assert_eq!(tls.code, 2, "{}", tls.stderr);
    assert!(tls.stderr.contains("sending to https://"), "{}", tls.stderr);
    server.stop();
    // Nobody listening: a connection error is exit 2.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = hookcheck(&[
        "send",
        &format!("http://127.0.0.1:{port}/"),
        "-p",
        "github",
        "--secret",
        SECRET,
        "--body",
        "{}",
    ]);
    assert_eq!(dead.code, 2, "{}", dead.stderr);
}

#[test]
fn listen_refuses_a_public_bind_without_the_flag() {
    let run = hookcheck(&["listen", "--bind", "0.0.0.0:0", "--secret", SECRET]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--public"), "{}", run.stderr);
}

#[test]
fn url_signed_deliveries_verify_directly_and_through_a_tunnel() {
    let server = Server::start(&["--provider", "twilio"]);
    let url = format!("http://127.0.0.1:{}/sms", server.port);
    let direct = hookcheck(&[
        "send",
        &url,
        "-p",
        "twilio",
        "--secret",
        SECRET,
        "--body",
        "Body=hi&From=%2B1500",
    ]);
    assert_eq!(direct.code, 0, "{}{}", direct.stdout, direct.stderr);
    // Through a tunnel: signed for the public https URL, relayed with X-Forwarded-Proto.
    let capture = String::from_utf8(signed(
        "twilio",
        SECRET,
        "Body=hi",
        &["--url", "https://abc.tunnel.test/sms"],
    ))
    .unwrap();
    let relayed = capture.replacen("\r\n", "\r\nX-Forwarded-Proto: https\r\n", 1);
    assert_eq!(exchange(server.port, relayed.as_bytes()).0, 200);
    server.stop();
}

#[test]
fn concurrent_failing_deliveries_are_each_diagnosed() {
    let server = Server::start(&["--format", "json"]);
    let port = server.port;
    let bad = signed(
        "stripe",
        "not-the-secret",
        r#"{"id":"evt_1","object":"event"}"#,
        &[],
    );
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let bad = bad.clone();
            std::thread::spawn(move || (0..10).map(|_| exchange(port, &bad).0).collect::<Vec<_>>())
        })
        .collect();
    for t in threads {
        assert!(t.join().unwrap().iter().all(|s| *s == 401));
    }
    let (stdout, _) = server.stop();
    let diagnosed = stdout
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|l| l["outcome"]["causes"][0]["code"] == "secret_mismatch")
        .count();
    assert_eq!(diagnosed, 40);
}

#[test]
fn listen_verifies_paypal_with_param_and_a_cached_certificate() {
    let cache = crate::rsa::paypal_key_cache("listen-paypal");
    let cache = path_str(&cache);
    let server = Server::start_with(&[
        "-p",
        "paypal",
        "--param",
        crate::rsa::WEBHOOK_ID,
        "--fetch-keys",
        "--key-cache",
        &cache,
        "--now",
        crate::rsa::NOW,
        "--no-diagnose",
        "--format",
        "json",
    ]);
    let capture =
        std::fs::read(root().join("fixtures/paypal/payment-capture-completed.http")).unwrap();
    // Twice: the second delivery finds the certificate already in memory.
    for _ in 0..2 {
        let (status, _, body) = exchange(server.port, &capture);
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    }
    // Signed for another webhook (the sandbox one): not the id this server was given.
    let other = std::fs::read(root().join("fixtures/paypal/sandbox.http")).unwrap();
    assert_eq!(exchange(server.port, &other).0, 401);
    // A certificate URL off PayPal's hosts: refused before any request, and not verified.
    let evil = String::from_utf8(capture).unwrap().replace(
        crate::rsa::PAYPAL_CERT_URL,
        "https://evil.example/v1/notifications/certs/C",
    );
    let (status, _, body) = exchange(server.port, evil.as_bytes());
    assert_eq!(status, 401);
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("refused to fetch the certificate"), "{body}");
    let (stdout, _) = server.stop();
    let verified: Vec<&String> = stdout
        .iter()
        .filter(|l| l.contains("\"verified\":true"))
        .collect();
    assert_eq!(verified.len(), 2, "{stdout:?}");
    // As in `verify`, the report says where the certificate came from.
    assert!(
        verified[1].contains("was read from the cache"),
        "{}",
        verified[1]
    );
}

#[test]
fn listen_refuses_a_malformed_or_missing_param() {
    let run = hookcheck(&["listen", "--secret", SECRET, "--param", "webhook_id"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--param \"webhook_id\": is not NAME=VALUE"),
        "{}",
        run.stderr
    );
    // A scheme that signs a parameter no delivery carries: said at start, not per delivery.
    let run = hookcheck(&["listen", "-p", "paypal", "--fetch-keys", "--key-cache", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--param webhook_id=VALUE"),
        "{}",
        run.stderr
    );
}
