//! The built-in schemes of `registry.toml`, compiled into the binary. `build.rs` turns the TOML
//! into static data at build time (aliases resolved), which deserialises with no text to scan:
//! reading the TOML on every run was most of a small `verify`. A test checks that the compiled
//! tables equal what `registry.toml` says.

use std::sync::OnceLock;

use serde::Deserialize as _;
use serde::de::value::{BorrowedStrDeserializer, Error, MapDeserializer, SeqDeserializer};
use serde::de::{IntoDeserializer, Visitor};

use super::Scheme;

/// A value of `registry.toml`, as `build.rs` writes it out.
#[derive(Debug)]
enum Node {
    Str(&'static str),
    I64(i64),
    // No field of a scheme is a float yet; build.rs writes one the day an entry has it.
    #[allow(dead_code)]
    F64(f64),
    Bool(bool),
    Seq(&'static [Node]),
    Map(&'static [(&'static str, Node)]),
}

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// Every built-in scheme, in registry order.
pub fn all() -> &'static [Scheme] {
    static SCHEMES: OnceLock<Vec<Scheme>> = OnceLock::new();
    SCHEMES.get_or_init(|| (0..COUNT).map(|i| get(i).clone()).collect())
}

/// How many built-in schemes there are.
pub fn count() -> usize {
    COUNT
}

/// The built-in scheme at `index` (registry order), deserialised on first use: a run that
/// needs two schemes reads two, not all of them (most of a small `verify` was spent reading
/// every entry). Panics past [`count`].
pub fn get(index: usize) -> &'static Scheme {
    static SCHEMES: [OnceLock<Scheme>; COUNT] = [const { OnceLock::new() }; COUNT];
    // A test checks these deserialise, validate and equal registry.toml.
    SCHEMES[index].get_or_init(|| {
        Scheme::deserialize(&COMPILED[index]).expect("the compiled registry holds schemes")
    })
}

/// Indices of the detectable schemes whose signature header is `name` (any case), in registry
/// order; empty for a name none reads. (Built from `registry.toml` at compile time.)
pub(crate) fn signature_header_schemes(name: &str) -> &'static [usize] {
    SIGNATURE_HEADERS
        .binary_search_by(|(key, _)| {
            key.bytes()
                .cmp(name.bytes().map(|b| b.to_ascii_lowercase()))
        })
        .map_or(&[], |at| SIGNATURE_HEADERS[at].1)
}

/// Indices of the schemes that read a signature from a body field or a query parameter.
pub(crate) fn field_signed_schemes() -> &'static [usize] {
    FIELD_SIGNED
}

/// The nodes read as serde reads TOML: the type each holds, `Some` for a field that is there,
/// a string for a unit enum variant.
impl<'de> serde::Deserializer<'de> for &'de Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Str(s) => visitor.visit_borrowed_str(s),
            Node::I64(i) => visitor.visit_i64(*i),
            Node::F64(f) => visitor.visit_f64(*f),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::Seq(items) => visitor.visit_seq(SeqDeserializer::new(items.iter())),
            Node::Map(entries) => visitor.visit_map(MapDeserializer::new(
                entries
                    .iter()
                    .map(|(k, v)| (BorrowedStrDeserializer::<Error>::new(k), v)),
            )),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Node::Str(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            Node::Map(entries) => visitor.visit_enum(serde::de::value::MapAccessDeserializer::new(
                MapDeserializer::new(
                    entries
                        .iter()
                        .map(|(k, v)| (BorrowedStrDeserializer::<Error>::new(k), v)),
                ),
            )),
            _ => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for &'de Node {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The registry read straight from `registry.toml`, as it was before `build.rs`: what the
/// compiled tables must equal.
#[cfg(test)]
fn from_toml() -> Vec<Scheme> {
    #[derive(serde::Deserialize)]
    struct File {
        scheme: Vec<toml::Table>,
    }
    let entries = toml::from_str::<File>(include_str!("registry.toml"))
        .expect("built-in registry.toml is valid")
        .scheme;
    entries
        .iter()
        .map(|entry| {
            toml::Value::Table(inherit(entry, &entries))
                .try_into()
                .expect("built-in registry.toml entries are schemes")
        })
        .collect()
}

/// An alias (`alias_of = "svix"`) is written as its name, title and source only; every other
/// field comes from its base entry. (`build.rs` applies the same rule.)
#[cfg(test)]
fn inherit(entry: &toml::Table, entries: &[toml::Table]) -> toml::Table {
    let Some(base_name) = entry.get("alias_of").and_then(|v| v.as_str()) else {
        return entry.clone();
    };
    let base = entries
        .iter()
        .find(|e| e.get("name").and_then(|v| v.as_str()) == Some(base_name))
        .expect("an alias names a scheme of the registry");
    let mut merged = base.clone();
    merged.extend(entry.clone());
    merged
}

/// Looks a provider up by name, ignoring ASCII case.
pub fn find(name: &str) -> Option<&'static Scheme> {
    NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(name))
        .map(get)
}

/// Names close to `name`, for "did you mean" hints.
pub fn similar(name: &str) -> Vec<&'static str> {
    let wanted = name.to_ascii_lowercase();
    NAMES
        .iter()
        .filter(|n| {
            n.contains(wanted.as_str()) || wanted.contains(*n) || edit_distance(n, &wanted) <= 2
        })
        .copied()
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_tables_equal_registry_toml() {
        let toml = from_toml();
        assert_eq!(all().len(), toml.len());
        for (compiled, written) in all().iter().zip(&toml) {
            assert_eq!(compiled, written, "{}", written.name);
        }
    }

    #[test]
    fn compiled_index_equals_the_schemes() {
        assert_eq!(count(), all().len());
        for (i, scheme) in all().iter().enumerate() {
            assert_eq!(NAMES[i], scheme.name);
            assert_eq!(get(i), scheme);
        }
        // The signature header index, as computed from the schemes themselves.
        let mut index: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for (i, scheme) in all().iter().enumerate() {
            if !crate::scheme::detect::detectable(scheme) {
                continue;
            }
            for header in scheme.signature.headers.iter().filter(|h| !h.contains(':')) {
                let list = index.entry(header.to_ascii_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let compiled: std::collections::BTreeMap<String, Vec<usize>> = SIGNATURE_HEADERS
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.to_vec()))
            .collect();
        assert_eq!(compiled, index);
        for (name, list) in &index {
            assert_eq!(signature_header_schemes(name), list.as_slice());
            assert_eq!(
                signature_header_schemes(&name.to_ascii_uppercase()),
                list.as_slice()
            );
        }
        assert!(signature_header_schemes("x-not-a-signature").is_empty());
        let fields: Vec<usize> = (0..count())
            .filter(|&i| all()[i].signature.headers.iter().any(|h| h.contains(':')))
            .collect();
        assert_eq!(field_signed_schemes(), fields.as_slice());
    }

    #[test]
    fn registry_parses_and_every_entry_validates() {
        let schemes = all();
        assert!(schemes.len() >= 14);
        for s in schemes {
            s.validate().unwrap_or_else(|e| panic!("{}: {e}", s.name));
            assert!(!s.source.trim().is_empty(), "{} cites no source", s.name);
        }
    }

    #[test]
    fn aliases_are_their_base_under_another_name() {
        let aliases: Vec<&Scheme> = all().iter().filter(|s| s.alias_of.is_some()).collect();
        assert!(aliases.len() >= 8);
        for alias in aliases {
            let base = find(alias.alias_of.as_deref().unwrap()).unwrap();
            let renamed = Scheme {
                name: base.name.clone(),
                title: base.title.clone(),
                alias_of: None,
                source: base.source.clone(),
                ..alias.clone()
            };
            assert_eq!(&renamed, base, "{}", alias.name);
        }
    }

    #[test]
    fn names_are_unique_and_lower_case() {
        let mut names: Vec<&str> = all().iter().map(|s| s.name.as_str()).collect();
        for n in &names {
            assert_eq!(*n, n.to_ascii_lowercase());
        }
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }

    #[test]
    fn finds_by_name_and_suggests() {
        assert_eq!(find("GitHub").unwrap().name, "github");
        assert!(find("gitbub").is_none());
        assert!(similar("gitbub").contains(&"github"));
    }
}
