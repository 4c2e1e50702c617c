//! `hookcheck explain CODE`: the long form of a cause or suspect, in the manner of
//! `rustc --explain`: what happened, how to confirm it, and the fix in common frameworks.

/// Reading the raw body, the fix for every cause where the receiver hashed something else.
const RAW_BODY: &[(&str, &str)] = &[
    (
        "Express",
        "app.post('/hook', express.raw({ type: '*/*' }), handler) and hash req.body (a Buffer); mount it before express.json()",
    ),
    (
        "Next.js route handlers",
        "const body = Buffer.from(await request.arrayBuffer()); parse JSON from it only after verifying",
    ),
    (
        "FastAPI",
        "body = await request.body() (bytes), not await request.json()",
    ),
    (
        "Flask",
        "request.get_data() before touching request.json or request.form",
    ),
    (
        "Django",
        "request.body (bytes) before request.POST; no json.loads/json.dumps round trip",
    ),
    (
        "Rails",
        "request.raw_post (or request.body.read), not params.to_json",
    ),
    (
        "Laravel",
        "$request->getContent(), not json_encode($request->all())",
    ),
    ("Spring", "@RequestBody byte[] body (not String, not a DTO)"),
    (
        "ASP.NET",
        "Request.EnableBuffering(); copy Request.Body into a MemoryStream and hash its bytes; no StreamReader round trip",
    ),
    (
        "Go net/http",
        "body, err := io.ReadAll(r.Body) before json.Unmarshal; hash body",
    ),
    (
        "AWS Lambda",
        "event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8'); hash that, not the event",
    ),
    (
        "Cloudflare Workers",
        "const body = await request.clone().arrayBuffer(); hash it, then parse",
    ),
];

struct Entry {
    code: &'static str,
    title: &'static str,
    what: &'static str,
    confirm: &'static str,
    /// Framework-specific fixes; `None` means the raw-body recipes.
    fixes: Option<&'static [(&'static str, &'static str)]>,
    /// A suspect, not a cause.
    suspect: bool,
}

const SECRET_FIXES: &[(&str, &str)] = &[
    (
        "Any framework",
        "load the secret with surrounding whitespace, quotes and BOM stripped (Node: .trim(); Python: .strip(); Go: strings.TrimSpace)",
    ),
    (
        "Docker / Kubernetes",
        "secret files and `echo` add a trailing newline: printf '%s' \"$SECRET\" or strip on load",
    ),
    (
        ".env files",
        "no quotes around the value unless your loader removes them",
    ),
];

const URL_FIXES: &[(&str, &str)] = &[
    (
        "Behind a proxy",
        "rebuild the public URL from X-Forwarded-Proto and X-Forwarded-Host (or Forwarded), with the path as the provider calls it",
    ),
    (
        "Express",
        "app.set('trust proxy', true), then req.protocol + '://' + req.get('host') + req.originalUrl",
    ),
    (
        "Django",
        "USE_X_FORWARDED_HOST = True and SECURE_PROXY_SSL_HEADER; request.build_absolute_uri()",
    ),
    (
        "Rails",
        "request.original_url with config.action_dispatch.trusted_proxies set",
    ),
    (
        "Spring",
        "server.forward-headers-strategy=framework; mind a servlet context path (/api)",
    ),
    (
        "Any framework",
        "or configure the exact public URL and verify against it (hookcheck --url)",
    ),
];

const ENTRIES: &[Entry] = &[
    Entry {
        code: "body_json_reserialized",
        title: "The JSON was re-serialised: same value, other bytes",
        what: "The signature covers the exact bytes the provider sent. Somewhere the body was parsed and written again (express.json() then JSON.stringify, request.json() then json.dumps, a DTO, a map that sorts its keys), or the sender signed its own re-serialisation. Whitespace, key order, escapes (\\u00e9, \\/, \\u003c) or number style (1.0 vs 1) changed, so the HMAC differs although the value is the same.",
        confirm: "The report's `verifies with` names the serialiser whose output verifies, and the diff shows the first differing bytes. Log the first bytes of the body your code hashes: `{\"id\"` where the provider sends `{\\n  \"id\"` is this cause.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_trailing_newline_added",
        title: "The body has a trailing newline that was not signed",
        what: "A newline was appended to the body after signing: an editor saved the capture, `echo` or Go's Encoder.Encode added one, a log line carried it.",
        confirm: "The last byte of the body you hash is 0A (or 0D 0A); the provider's is not.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_trailing_newline_removed",
        title: "The signed body ended with a newline that the received body lacks",
        what: "The sender signed the body with a final newline, and the receiver (or `curl -d @file`, which strips newlines) lost it.",
        confirm: "Compare the Content-Length header with the length of the body you hash.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_crlf_converted",
        title: "Line endings were converted between LF and CRLF",
        what: "The body was read as text and its line endings changed (.NET readers, Windows tools, online HMAC textareas).",
        confirm: "Count 0D 0A pairs in the bytes you hash against the raw capture.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_bom_added",
        title: "A UTF-8 byte order mark was added in front of the body",
        what: "An editor or PowerShell saved the capture with EF BB BF in front.",
        confirm: "The first three bytes of the body are EF BB BF.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_whitespace_trimmed",
        title: "The body differs from the signed one by surrounding whitespace",
        what: "Whitespace around the body was added or trimmed (a framework's trim, a template, a logger).",
        confirm: "The variant names the exact whitespace (\"a trailing space and a tab\").",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_charset_changed",
        title: "The body was decoded in the wrong character set and encoded again",
        what: "The receiver turned the bytes into text with the wrong charset and back: UTF-8 read as Latin-1 or Windows-1252 gives `Ã©` for `é` (mojibake); UTF-8 written out as Latin-1 gives single bytes; an ASCII writer gives `\\u00e9` or `\\xe9` escapes. It only fails on deliveries with non-ASCII text, so it looks intermittent.",
        confirm: "Search the bytes you hash for C3 83 or C3 A2 E2 82 AC (`Ã`, `â€`), or for bytes 80-FF that are not UTF-8. Deliveries with only ASCII verify.",
        fixes: Some(&[
            (
                "Any framework",
                "hash the raw bytes; never a string decoded with a default charset",
            ),
            (
                "Java / Spring",
                "@RequestBody byte[]; a String body uses the request's charset, ISO-8859-1 when the Content-Type has none",
            ),
            (
                "ASP.NET",
                "hash the stream's bytes; not Encoding.Default / Encoding.ASCII / a StreamReader",
            ),
            (
                "PHP",
                "php://input as it is; no utf8_decode / mb_convert_encoding",
            ),
            (
                "Python",
                "request.get_data() / await request.body(); no .decode('latin-1') or errors='replace'",
            ),
        ]),
        suspect: false,
    },
    Entry {
        code: "body_wrapped",
        title: "The body is an envelope around the signed bytes",
        what: "What was hashed is the platform's wrapper, not the delivery: an AWS API Gateway or Lambda function URL event (the body is its `body` field, base64 when isBase64Encoded is true), an SNS notification (`Message`), an SQS message (`body`), an EventBridge event (`detail`, re-serialised by AWS), the body logged as a JSON string, or base64 of gzip.",
        confirm: "The report names the envelope and the path of the body inside it (`Records[0].body.Message`). Print the first bytes your code hashes: `{\"version\":\"2.0\",\"routeKey\"` is an event, not a delivery.",
        fixes: Some(&[
            (
                "AWS Lambda",
                "const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8'); hash raw",
            ),
            (
                "API Gateway REST",
                "use the Lambda proxy integration (no mapping template re-writing the body)",
            ),
            (
                "SNS / SQS",
                "verify where the provider's HTTP request arrives, before it is forwarded; the Message/body string is the body only if it was forwarded unchanged",
            ),
            (
                "EventBridge",
                "the original bytes are gone once AWS re-serialises `detail`: verify before the event bus",
            ),
        ]),
        suspect: false,
    },
    Entry {
        code: "body_form_reencoded",
        title: "The form body was re-encoded",
        what: "A form-urlencoded body was parsed and rebuilt (`+` vs `%20`, `*` vs `%2A`, hex case, parameter order).",
        confirm: "Compare the bytes you hash with the raw capture around the first `%` or `+`.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_form_payload_extracted",
        title: "The signed body is the `payload=` form wrapper, not the JSON alone",
        what: "Form deliveries (GitHub content_type=form, Slack interactivity) sign the whole `payload=<urlencoded JSON>`; the receiver hashed the decoded JSON (or the reverse).",
        confirm: "The raw body starts with `payload=`.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_base64_encoded",
        title: "The body is base64-encoded; the signature covers the decoded bytes",
        what: "A gateway handed the body over base64-encoded (isBase64Encoded) and it was hashed undecoded.",
        confirm: "The body is one line of base64 that decodes to the JSON or form the provider sends.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_compressed",
        title: "The body is compressed; the signature covers the decompressed bytes",
        what: "The body was hashed gzip- or deflate-compressed (Content-Encoding), or a CDN changed the compression.",
        confirm: "The body starts with 1F 8B (gzip) or 78 (zlib).",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "body_empty",
        title: "The signature is over an empty body",
        what: "The request stream was read before verification (a body parser ran first), so the code hashed nothing.",
        confirm: "Log the length of what you hash: 0.",
        fixes: None,
        suspect: false,
    },
    Entry {
        code: "secret_whitespace",
        title: "The secret carries whitespace, quotes or a BOM",
        what: "The key was loaded with a trailing newline (secret files, `echo`), spaces, quotes from .env or YAML, or a BOM.",
        confirm: "Print the secret's length and compare it with the dashboard's; hookcheck shows which debris removed makes it verify.",
        fixes: Some(SECRET_FIXES),
        suspect: false,
    },
    Entry {
        code: "secret_encoding",
        title: "The secret's text was used where its decoded bytes are the key, or the reverse",
        what: "Standard Webhooks / Svix / Clerk `whsec_<base64>`: the key is the base64-decoded text after `whsec_`; Stripe's `whsec_…` is used as text, prefix included. Hex- or base64-looking secrets are sometimes meant as text.",
        confirm: "The report names the reading of the secret that verifies and the one the scheme expects.",
        fixes: Some(&[
            (
                "Standard Webhooks",
                "key = base64decode(secret.removeprefix('whsec_')); the libraries (standardwebhooks, svix) do it for you",
            ),
            (
                "Stripe",
                "use the whole whsec_… string as UTF-8 bytes; do not decode it",
            ),
        ]),
        suspect: false,
    },
    Entry {
        code: "signature_algorithm",
        title: "The signature uses another hash or MAC than the scheme says",
        what: "HMAC-SHA1 vs -SHA256 vs -SHA512, or a plain SHA-256 of secret + body where an HMAC is expected (or the reverse: HubSpot v1 is sha256(secret + body), not an HMAC).",
        confirm: "The digest's length tells the hash (20, 32 or 64 bytes); the report names the one that verifies.",
        fixes: Some(&[
            (
                "Node",
                "crypto.createHmac('sha256', secret).update(body) for an HMAC; crypto.createHash('sha256').update(secret + body) for a plain hash",
            ),
            (
                "Python",
                "hmac.new(secret, body, hashlib.sha256) vs hashlib.sha256(secret + body)",
            ),
        ]),
        suspect: false,
    },
    Entry {
        code: "signature_encoding",
        title: "The signature is hex where base64 is expected, or the reverse",
        what: "The digest was encoded in another alphabet than the provider's (Shopify sends base64, GitHub hex).",
        confirm: "A 64-character [0-9a-f] value is hex SHA-256; a 44-character value ending in `=` is base64.",
        fixes: Some(&[(
            "Any framework",
            "encode your digest as the provider does (digest('hex') vs digest('base64')), and compare bytes in constant time",
        )]),
        suspect: false,
    },
    Entry {
        code: "template_mismatch",
        title: "The signed content is another template than the scheme's",
        what: "The signature covers more than the body (Stripe `{t}.{body}`, Slack `v0:{t}:{body}`, Standard Webhooks `{id}.{t}.{body}`), and a part was dropped, reordered or joined with another separator.",
        confirm: "The report shows the template that verifies next to the one documented.",
        fixes: Some(&[(
            "Any framework",
            "build the signed string exactly as the provider documents it, from the raw header values",
        )]),
        suspect: false,
    },
    Entry {
        code: "timestamp_unit",
        title: "The timestamp was signed or compared in the other unit",
        what: "Seconds against milliseconds: Date.now() is in milliseconds, Unix time in seconds.",
        confirm: "A 13-digit timestamp is milliseconds, a 10-digit one seconds.",
        fixes: Some(&[("JavaScript", "Math.floor(Date.now() / 1000) for seconds")]),
        suspect: false,
    },
    Entry {
        code: "url_mismatch",
        title: "The URL that was signed is not the one the receiver used",
        what: "URL-signed schemes (Twilio, Square, HubSpot v2/v3) sign the public URL. Behind a proxy the app sees http instead of https, an internal host, a port, a path prefix added or stripped (/api, /webhooks), or a re-encoded query.",
        confirm: "The report shows the URL that verifies. Compare it with what your framework rebuilds.",
        fixes: Some(URL_FIXES),
        suspect: false,
    },
    Entry {
        code: "wrong_header",
        title: "The signature is in another header",
        what: "The digest sits under another header name than the scheme reads (a proxy renamed it, or the provider's setting differs).",
        confirm: "The report names the header whose value verifies.",
        fixes: Some(&[(
            "Any framework",
            "read the signature from the header named in the report",
        )]),
        suspect: false,
    },
    Entry {
        code: "wrong_provider",
        title: "The delivery verifies under another provider's scheme",
        what: "The receiver is set up for another provider, or the headers come from another sender.",
        confirm: "Run the `hookcheck verify --provider …` command the report prints.",
        fixes: Some(&[(
            "Any framework",
            "use the verifier of the provider that sends these deliveries",
        )]),
        suspect: false,
    },
    Entry {
        code: "secret_mismatch",
        title: "No key reproduces the signature",
        what: "Nothing hookcheck tried verifies: most often another secret (test vs live, another endpoint, `stripe listen`'s secret), or content altered in a way that cannot be undone.",
        confirm: "Check the secret against the endpoint in the provider's dashboard; see `tried` for what was ruled out, and any suspects.",
        fixes: Some(&[(
            "Any framework",
            "take the signing secret of this endpoint and environment; keep several with --secret while rotating",
        )]),
        suspect: false,
    },
    Entry {
        code: "param_mismatch",
        title: "The key made the signature, but not with this parameter",
        what: "The scheme signs a value the delivery does not carry, given with --param (PayPal signs the id of the webhook the delivery was sent to). Read with the certificate's public key, the signature is that key's own, over other content: most often the parameter is another webhook's (sandbox vs live, another app); less often the body or the signed headers changed on the way, which the signature cannot tell apart.",
        confirm: "Compare --param with the value in the provider's dashboard for the endpoint that received this delivery; `hookcheck providers show NAME` says where to find it.",
        fixes: Some(&[(
            "PayPal",
            "take the webhook id of this listener from the Developer Dashboard (Apps & Credentials, the app, Webhooks): sandbox and live webhooks have different ids",
        )]),
        suspect: false,
    },
    Entry {
        code: "missing_header",
        title: "A header the scheme needs is not in the delivery",
        what: "The signature, timestamp or id header is absent: a proxy or logger dropped it, or the delivery is from another provider.",
        confirm: "Compare the captured headers with the provider's documentation.",
        fixes: Some(&[(
            "Any framework",
            "capture every header as received; check proxy header allow-lists",
        )]),
        suspect: false,
    },
    Entry {
        code: "timestamp_outside_tolerance",
        title: "The signature is valid, but the timestamp is outside the window",
        what: "A replayed or delayed delivery, or a clock off by minutes.",
        confirm: "The report shows the age against the window; --now sets the clock for old captures.",
        fixes: Some(&[(
            "Any framework",
            "sync the clock (NTP); replay fresh deliveries rather than old captures",
        )]),
        suspect: false,
    },
    Entry {
        code: "signature_malformed",
        title: "The signature header cannot be read",
        what: "The header is present but not in the scheme's format (not hex/base64, a missing item).",
        confirm: "The report gives the reason.",
        fixes: Some(&[(
            "Any framework",
            "pass the header value unchanged; do not trim or split it yourself",
        )]),
        suspect: false,
    },
    Entry {
        code: "unsigned_provider",
        title: "The provider does not sign deliveries",
        what: "There is no signature to check.",
        confirm: "The provider's documentation describes no signature.",
        fixes: Some(&[(
            "Any framework",
            "protect the endpoint with a secret URL or a header token",
        )]),
        suspect: false,
    },
    Entry {
        code: "body_hash_mismatch",
        title: "The body no longer matches the hash in the token",
        what: "The JWT's signature is good (your key signed it), but the claim holding the body's hash (request_body_sha256, sha256, body) is not the hash of this body: the body was changed after signing, or the token was replayed with another body.",
        confirm: "Hash the raw body bytes as received (SHA-256) and compare with the claim, in the encoding the provider uses (hex or base64).",
        fixes: Some(&[(
            "Any framework",
            "verify the raw body bytes as received, before any JSON parsing or re-encoding",
        )]),
        suspect: false,
    },
    Entry {
        code: "key_id_unknown",
        title: "The token names a key you did not give",
        what: "The JWS header's kid names the key that signed, and none of the keys given (a JWKS, a JWK) has that kid. The sender rotated its keys, or the key set is another environment's (sandbox vs production, US vs EU).",
        confirm: "Decode the token's header (the part before the first dot, base64url) and look for its kid in the key set.",
        fixes: Some(&[(
            "Any framework",
            "fetch the sender's current key set again (its JWKS endpoint, or its key API for that kid) and give it with --jwks-file",
        )]),
        suspect: false,
    },
    Entry {
        code: "body_keys_resorted",
        title: "Suspect: the JSON keys were re-sorted",
        what: "Every object's keys are in sorted order, as Go maps, serde_json::Value and sort_keys=True write them. The sender's order is lost; for a large body there are too many orders to search, so the signed bytes cannot be rebuilt. (For small bodies hookcheck searches them and reports body_json_reserialized.)",
        confirm: "Compare the key order of the capture with the provider's documented example.",
        fixes: None,
        suspect: true,
    },
    Entry {
        code: "body_lossy_decoded",
        title: "Suspect: the body was decoded lossily",
        what: "U+FFFD replacement characters in the body: bytes were decoded with errors='replace' (or as ASCII) and the original characters are gone.",
        confirm: "Search the body for EF BF BD.",
        fixes: None,
        suspect: true,
    },
    Entry {
        code: "url_query_dropped",
        title: "Suspect: the query string was dropped from the signed URL",
        what: "URL-signed schemes (Twilio) sign the full URL, query included; for a JSON body Twilio adds ?bodySHA256=<SHA-256 of the body>. The URL used for checking has no query, and putting bodySHA256 back alone does not verify, so other parameters were lost with it.",
        confirm: "Compare the URL your code rebuilds with the request line the provider sent (req.originalUrl, request.get_full_path()).",
        fixes: Some(URL_FIXES),
        suspect: true,
    },
];

/// Every code `explain` knows.
pub fn codes() -> Vec<&'static str> {
    ENTRIES.iter().map(|e| e.code).collect()
}

/// The long form of `code`, or None.
pub fn long_form(code: &str) -> Option<String> {
    let e = ENTRIES.iter().find(|e| e.code == code)?;
    let mut out = String::new();
    out.push_str(&format!("{} [{}]\n\n", e.title, e.code));
    if e.suspect {
        out.push_str("This is a suspect, never a cause: nothing verified, because the alteration cannot be undone.\n\n");
    }
    out.push_str("What happened\n");
    out.push_str(&wrap(e.what, "  "));
    out.push_str("\nHow to confirm it\n");
    out.push_str(&wrap(e.confirm, "  "));
    out.push_str("\nFix\n");
    for (framework, fix) in e.fixes.unwrap_or(RAW_BODY) {
        out.push_str(&format!("  {framework}:\n"));
        out.push_str(&wrap(fix, "    "));
    }
    Some(out)
}

fn wrap(text: &str, indent: &str) -> String {
    const WIDTH: usize = 92;
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.len() + line.chars().count() + 1 + word.chars().count() > WIDTH
        {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_code_is_explained() {
        use crate::outcome::CauseCode::*;
        for code in [
            MissingHeader,
            TimestampOutsideTolerance,
            SignatureMalformed,
            SecretMismatch,
            UnsignedProvider,
            BodyTrailingNewlineAdded,
            BodyTrailingNewlineRemoved,
            BodyCrlfConverted,
            BodyBomAdded,
            BodyWhitespaceTrimmed,
            BodyJsonReserialized,
            BodyFormReencoded,
            BodyFormPayloadExtracted,
            BodyBase64Encoded,
            BodyCompressed,
            BodyCharsetChanged,
            BodyWrapped,
            BodyEmpty,
            SecretWhitespace,
            SecretEncoding,
            SignatureAlgorithm,
            SignatureEncoding,
            TemplateMismatch,
            TimestampUnit,
            UrlMismatch,
            WrongHeader,
            WrongProvider,
            ParamMismatch,
        ] {
            let text = long_form(&code.id()).unwrap_or_else(|| panic!("{}", code.id()));
            assert!(text.contains("What happened") && text.contains("Fix"));
        }
        assert!(long_form("nope").is_none());
        assert!(
            long_form("body_json_reserialized")
                .unwrap()
                .contains("Express")
        );
    }
}
