//! A small keep-alive HTTP/1.1 load generator for `scripts/bench.sh` (std only, no deps).
//!
//! `loadgen HOST:PORT REQUEST_FILE CONNECTIONS TOTAL` sends the raw request in REQUEST_FILE
//! (an HTTP/1.1 capture, e.g. from `hookcheck sign`) TOTAL times over CONNECTIONS keep-alive
//! connections, and prints `requests seconds per_second ok other` on one line. Exits 1 if
//! any response was not 200.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 5 {
        eprintln!("usage: loadgen HOST:PORT REQUEST_FILE CONNECTIONS TOTAL");
        std::process::exit(2);
    }
    let addr = args[1].clone();
    let request = std::fs::read(&args[2]).expect("request file");
    let connections: usize = args[3].parse().expect("connections");
    let total: usize = args[4].parse().expect("total");
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|i| {
            let addr = addr.clone();
            let request = request.clone();
            let n = total / connections + usize::from(i < total % connections);
            std::thread::spawn(move || run(&addr, &request, n))
        })
        .collect();
    let (mut ok, mut other) = (0u64, 0u64);
    for w in workers {
        let (o, x) = w.join().expect("worker");
        ok += o;
        other += x;
    }
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

fn run(addr: &str, request: &[u8], n: usize) -> (u64, u64) {
    let stream = TcpStream::connect(addr).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut writer = stream;
    let (mut ok, mut other) = (0, 0);
    let mut line = String::new();
    let mut body = Vec::new();
    for _ in 0..n {
        writer.write_all(request).expect("write");
        line.clear();
        reader.read_line(&mut line).expect("status line");
        let status = line.get(9..12).unwrap_or("");
        if status == "200" {
            ok += 1;
        } else {
            other += 1;
        }
        let mut length = 0;
        loop {
            line.clear();
            reader.read_line(&mut line).expect("header");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        body.resize(length, 0);
        reader.read_exact(&mut body).expect("body");
    }
    (ok, other)
}
