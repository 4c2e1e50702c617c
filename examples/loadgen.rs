//! A small keep-alive HTTP/1.1 load generator for `scripts/bench_listen.sh`.
//!
//! `loadgen HOST:PORT REQUEST_FILE CONNECTIONS TOTAL [DEPTH]` sends the raw request in
//! REQUEST_FILE (an HTTP/1.1 capture, e.g. from `hookcheck sign`) TOTAL times over CONNECTIONS
//! keep-alive connections, and prints `requests seconds per_second ok other` on one line. Exits
//! 1 if any response was not 200.
//!
//! One thread drives every connection (tokio's current-thread runtime): the generator costs
//! one core at most, whatever CONNECTIONS is, and leaves the other to the server it measures.
//! Each connection sends a request and waits for its response (what webhook senders do);
//! with DEPTH > 1 it writes DEPTH requests at once and then reads DEPTH responses (HTTP/1.1
//! pipelining).

use std::time::Instant;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !(5..=6).contains(&args.len()) {
        eprintln!("usage: loadgen HOST:PORT REQUEST_FILE CONNECTIONS TOTAL [DEPTH]");
        std::process::exit(2);
    }
    let addr = args[1].clone();
    let request = std::fs::read(&args[2]).expect("request file");
    let connections: usize = args[3].parse().expect("connections");
    let total: usize = args[4].parse().expect("total");
    let depth: usize = args.get(5).map_or(1, |d| d.parse().expect("depth")).max(1);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("runtime");
    let started = Instant::now();
    let (ok, other) = runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..connections {
            let n = total / connections + usize::from(i < total % connections);
            tasks.spawn(run(addr.clone(), request.clone(), n, depth));
        }
        let (mut ok, mut other) = (0u64, 0u64);
        while let Some(done) = tasks.join_next().await {
            let (o, x) = done.expect("connection");
            ok += o;
            other += x;
        }
        (ok, other)
    });
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} {:.3} {:.0} {ok} {other}",
        ok + other,
        seconds,
        (ok + other) as f64 / seconds
    );
    if other > 0 {
        std::process::exit(1);
    }
}

/// `n` requests on one connection, `depth` at a time: (200 responses, other responses).
async fn run(addr: String, request: Vec<u8>, n: usize, depth: usize) -> (u64, u64) {
    let mut stream = TcpStream::connect(&addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let batch: Vec<u8> = request.repeat(depth);
    let mut buffer: Vec<u8> = Vec::with_capacity(64 * 1024);
    let (mut ok, mut other) = (0, 0);
    let mut left = n;
    while left > 0 {
        let now = left.min(depth);
        stream
            .write_all(&batch[..request.len() * now])
            .await
            .expect("write");
        let mut answered = 0;
        while answered < now {
            match response(&buffer) {
                Some((status, length)) => {
                    if status == *b"200" {
                        ok += 1;
                    } else {
                        other += 1;
                    }
                    buffer.drain(..length);
                    answered += 1;
                }
                None => {
                    let before = buffer.len();
                    buffer.resize(before + 16 * 1024, 0);
                    let got = stream.read(&mut buffer[before..]).await.expect("read");
                    assert!(got > 0, "the server closed the connection");
                    buffer.truncate(before + got);
                }
            }
        }
        left -= now;
    }
    (ok, other)
}

/// The first complete response in `buffer`: (status code, bytes it takes).
fn response(buffer: &[u8]) -> Option<([u8; 3], usize)> {
    let end = buffer.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = &buffer[..end];
    let status = [*head.get(9)?, *head.get(10)?, *head.get(11)?];
    let length = head
        .split(|&b| b == b'\n')
        .find_map(|line| {
            let colon = line.iter().position(|&b| b == b':')?;
            line[..colon]
                .eq_ignore_ascii_case(b"content-length")
                .then(|| std::str::from_utf8(&line[colon + 1..]).ok())?
                .and_then(|v| v.trim().parse::<usize>().ok())
        })
        .unwrap_or(0);
    (buffer.len() >= end + length).then_some((status, end + length))
}
