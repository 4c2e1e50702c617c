//! Keys re-sorted by the receiver (Go maps, serde_json `Value`, `sort_keys=True`). For a small
//! body the original order is searched: every order of every object's keys, at most
//! [`MAX_ORDERS`] in all. A large re-sorted body is only a suspect: its order cannot be rebuilt.

use super::json_dialect::{self, Dialect, KeyOrder, Value};

/// At most this many key orders (the product over objects of `members!`) are tried.
pub const MAX_ORDERS: u64 = 5_040;
/// And at most this many bytes rendered in all, so the search stays a few milliseconds.
const MAX_BYTES: u64 = 24 << 20;

/// What a body's keys show: objects with two or more keys, all of them in sorted order.
pub struct Sorted {
    pub objects: usize,
    pub keys: usize,
    pub largest: usize,
    /// The product of `members!` over those objects, saturating.
    pub orders: u64,
}

/// What the keys show when every object with two or more keys has them in sorted order.
pub fn sorted(value: &Value) -> Option<Sorted> {
    if !matches!(value, Value::Object(_) | Value::Array(_)) {
        return None;
    }
    let mut s = Sorted {
        objects: 0,
        keys: 0,
        largest: 0,
        orders: 1,
    };
    if !scan(value, &mut s) || s.objects == 0 {
        return None;
    }
    Some(s)
}

fn scan(v: &Value, s: &mut Sorted) -> bool {
    match v {
        Value::Object(members) => {
            if members.len() >= 2 {
                if !members.windows(2).all(|w| w[0].0 < w[1].0) {
                    return false;
                }
                s.objects += 1;
                s.keys += members.len();
                s.largest = s.largest.max(members.len());
                s.orders = s.orders.saturating_mul(factorial(members.len()));
            }
            members.iter().all(|(_, m)| scan(m, s))
        }
        Value::Array(items) => items.iter().all(|i| scan(i, s)),
        _ => true,
    }
}

fn factorial(n: usize) -> u64 {
    (1..=n as u64).fold(1u64, u64::saturating_mul)
}

/// The dialects the original order is rendered in: the one whose sorted rendering is the
/// received body (with the keys left in order), then the most common serialisers.
fn dialects(value: &Value, body: &[u8]) -> Vec<Dialect> {
    let mut out: Vec<Dialect> = Vec::new();
    for d in Dialect::ALL {
        if d.key_order != KeyOrder::Sorted {
            continue;
        }
        let mut bytes = Vec::new();
        json_dialect::render(value, d, &mut bytes);
        if bytes == body {
            out.push(Dialect {
                key_order: KeyOrder::Original,
                ..*d
            });
        }
    }
    for d in [
        Dialect::JS_COMPACT,
        Dialect::PYTHON_DEFAULT,
        Dialect::STRIPE_PRETTY,
    ] {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Each other key order of a small sorted body, rendered, handed to `sink` until it returns
/// true; the dialect goes with it. False when the body is too large to search.
pub fn each_order(
    value: &Value,
    info: &Sorted,
    body: &[u8],
    sink: &mut dyn FnMut(&Dialect, Vec<u8>) -> bool,
) -> bool {
    let dialects = dialects(value, body);
    if info.orders > MAX_ORDERS
        || info
            .orders
            .saturating_mul(dialects.len() as u64)
            .saturating_mul(body.len() as u64)
            > MAX_BYTES
    {
        return false;
    }
    let mut sizes = Vec::new();
    object_sizes(value, &mut sizes);
    let mut counter = vec![0u64; sizes.len()];
    // Order 0 of every object is the sorted one, the order received: skip it.
    for _ in 1..info.orders {
        advance(&mut counter, &sizes);
        let mut v = value.clone();
        let mut next = 0;
        permute(&mut v, &counter, &mut next);
        for d in &dialects {
            let mut bytes = Vec::with_capacity(body.len());
            json_dialect::render(&v, d, &mut bytes);
            if bytes != body && sink(d, bytes) {
                return true;
            }
        }
    }
    true
}

fn object_sizes(v: &Value, out: &mut Vec<usize>) {
    match v {
        Value::Object(members) => {
            if members.len() >= 2 {
                out.push(members.len());
            }
            for (_, m) in members {
                object_sizes(m, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| object_sizes(i, out)),
        _ => {}
    }
}

/// The next combination in mixed radix (object i has `sizes[i]!` orders).
fn advance(counter: &mut [u64], sizes: &[usize]) {
    for (c, &n) in counter.iter_mut().zip(sizes) {
        *c += 1;
        if *c < factorial(n) {
            return;
        }
        *c = 0;
    }
}

/// Puts each object's members in the order numbered by `counter` (same walk as `object_sizes`).
fn permute(v: &mut Value, counter: &[u64], next: &mut usize) {
    match v {
        Value::Object(members) => {
            let mine = (members.len() >= 2).then(|| {
                let i = *next;
                *next += 1;
                i
            });
            for (_, m) in members.iter_mut() {
                permute(m, counter, next);
            }
            if let Some(i) = mine {
                nth_permutation(members, counter[i]);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| permute(i, counter, next)),
        _ => {}
    }
}

/// Reorders `items` into their `k`-th permutation (Lehmer code; 0 leaves them as they are).
fn nth_permutation<T>(items: &mut Vec<T>, mut k: u64) {
    let mut pool: Vec<T> = std::mem::take(items);
    let n = pool.len();
    for i in 0..n {
        let f = factorial(n - 1 - i);
        let index = (k / f) as usize;
        k %= f;
        items.push(pool.remove(index));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_original_order_of_a_small_object() {
        let original = br#"{"type":"x","id":2,"data":{"z":1,"a":2}}"#;
        let received = br#"{"data":{"a":2,"z":1},"id":2,"type":"x"}"#;
        let value = json_dialect::parse(received).unwrap();
        let info = sorted(&value).unwrap();
        assert_eq!(info.orders, 6 * 2);
        let mut found = false;
        each_order(&value, &info, received, &mut |_, bytes| {
            found = bytes == original;
            found
        });
        assert!(found);
    }

    #[test]
    fn unsorted_bodies_are_not_searched() {
        let parse = |b: &[u8]| json_dialect::parse(b).unwrap();
        assert!(sorted(&parse(br#"{"b":1,"a":2}"#)).is_none());
        assert!(sorted(&parse(b"[1,2]")).is_none());
    }

    #[test]
    fn large_objects_are_not_searched() {
        let keys: Vec<String> = (0..10).map(|i| format!("\"k{i}\":{i}")).collect();
        let body = format!("{{{}}}", keys.join(","));
        let value = json_dialect::parse(body.as_bytes()).unwrap();
        let info = sorted(&value).unwrap();
        assert!(info.orders > MAX_ORDERS);
        assert!(!each_order(&value, &info, body.as_bytes(), &mut |_, _| {
            true
        }));
    }
}
