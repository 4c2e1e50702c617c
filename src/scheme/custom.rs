//! User scheme files (`--scheme FILE`): one scheme in TOML, the same fields as the registry.

use crate::error::Error;

use super::Scheme;

/// Parses and validates a scheme file; errors name the file, the field and the line.
pub fn parse(file: &str, text: &str) -> Result<Scheme, Error> {
    let bad = |line: Option<usize>, message: String| Error::InvalidScheme {
        file: file.to_owned(),
        line,
        message,
    };
    let scheme: Scheme = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|span| line_of(text, span.start));
        bad(line, e.message().trim().to_owned())
    })?;
    scheme.validate().map_err(|e| {
        let key = e.field.rsplit('.').next().unwrap_or(e.field);
        bad(find_key_line(text, key), e.to_string())
    })?;
    Ok(scheme)
}

/// Renders a scheme in the file format (`providers show NAME --format toml`).
pub fn to_toml(scheme: &Scheme) -> String {
    toml::to_string(scheme).unwrap_or_default()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')
                || l == format!("[{key}]")
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheme::registry;

    #[test]
    fn every_builtin_round_trips_through_toml() {
        for scheme in registry::all() {
            let text = to_toml(scheme);
            let back =
                parse("x.toml", &text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", scheme.name));
            assert_eq!(&back, scheme);
        }
    }

    #[test]
    fn errors_name_field_and_line() {
        let text = "name = \"x\"\ntitle = \"X\"\nalgorithm = \"hmac-sha999\"\n";
        let e = parse("s.toml", text).unwrap_err().to_string();
        assert!(e.contains("line 3"), "{}", e);
        assert!(e.contains("hmac-sha999"), "{}", e);

        let text = "name = \"x\"\ntitle = \"X\"\nalgorithm = \"hmac-sha256\"\nsigned = \"{tmestamp}.{body}\"\nsource = \"me\"\n[signature]\nheaders = [\"X-Sig\"]\nencoding = \"hex\"\n";
        let e = parse("s.toml", text).unwrap_err().to_string();
        assert!(e.contains("line 4") && e.contains("`signed`"), "{}", e);

        let text = "name = \"x\"\ntitle = \"X\"\nalgorithm = \"hmac-sha256\"\nsource = \"me\"\ncolour = 1\n[signature]\nheaders = [\"X-Sig\"]\nencoding = \"hex\"\n";
        let e = parse("s.toml", text).unwrap_err().to_string();
        assert!(e.contains("colour") && e.contains("line 5"), "{}", e);
    }
}
