
use builtin;
use str;

set edit:completion:arg-completer[hookcheck] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hookcheck'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hookcheck'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand verify 'Verify one delivery''s signature'
            cand batch 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
            cand providers 'List the provider schemes hookcheck knows, or explain one'
            cand sign 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)'
            cand send 'Send a capture, or a freshly signed delivery, to a receiver'
            cand listen 'Run a local receiver that verifies every delivery live (and answers challenges)'
            cand explain 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff), as committed in man/hookcheck.1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcheck;verify'= {
            cand --request 'A captured HTTP/1.x request: request line, headers, blank line, raw body'
            cand -H 'A header, ''Name: value'' (repeatable; overrides the capture''s header of that name)'
            cand --header 'A header, ''Name: value'' (repeatable; overrides the capture''s header of that name)'
            cand --headers-file 'Headers, one ''Name: value'' per line'
            cand -b 'The raw body, as given'
            cand --body 'The raw body, as given'
            cand --body-file 'The raw body bytes, exactly [default: stdin when it is not a terminal]'
            cand -s 'The value of the provider''s signature header (needs --provider)'
            cand --signature 'The value of the provider''s signature header (needs --provider)'
            cand --timestamp 'The value of the provider''s timestamp header (needs --provider)'
            cand --computed 'The digest your own receiver computed (from its logs): check it instead of the delivery''s signature, and say which variant of body, secret or template produces it'
            cand --url 'The public URL the provider delivered to (URL-signed schemes)'
            cand --method 'The HTTP method of the delivery'
            cand --secret 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)'
            cand --secret-file 'A file holding a secret; one trailing newline is removed'
            cand --secret-env 'An environment variable holding a secret'
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand --cert-file 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked'
            cand --jwks-file 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it'
            cand --param 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)'
            cand --key-cache 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]'
            cand --fetch-timeout 'How long --fetch-keys waits for the provider''s answer'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --now 'Verify as of this instant [default: the system clock]'
            cand --tolerance 'Replay window in seconds [default: the provider''s documented one]'
            cand --format 'Output format'
            cand --color 'When to colour human output (NO_COLOR is honoured)'
            cand --fetch-keys 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache'
            cand --no-tolerance 'Skip the age check (for old captured payloads)'
            cand -q 'Print nothing; the exit code tells the result'
            cand --quiet 'Print nothing; the exit code tells the result'
            cand --no-diagnose 'Do not search for an explanation when the delivery does not verify'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;batch'= {
            cand --junit 'Also write a JUnit XML report (one testcase per delivery) to this file'
            cand --secret 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)'
            cand --secret-file 'A file holding a secret; one trailing newline is removed'
            cand --secret-env 'An environment variable holding a secret'
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand --cert-file 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked'
            cand --jwks-file 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it'
            cand --param 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)'
            cand --key-cache 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]'
            cand --fetch-timeout 'How long --fetch-keys waits for the provider''s answer'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --now 'Verify as of this instant [default: the system clock]'
            cand --tolerance 'Replay window in seconds [default: the provider''s documented one]'
            cand --format 'Output format'
            cand --color 'When to colour human output (NO_COLOR is honoured)'
            cand --fail-fast 'Stop at the first delivery that does not verify'
            cand --now-from-input 'Verify each JSON Lines delivery as of its own "now" field (the time it was received); without this flag input never sets the clock, and --now always wins'
            cand --fetch-keys 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache'
            cand --no-tolerance 'Skip the age check (for old captured payloads)'
            cand -q 'Print nothing; the exit code tells the result'
            cand --quiet 'Print nothing; the exit code tells the result'
            cand --no-diagnose 'Do not search for an explanation when the delivery does not verify'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;providers'= {
            cand --format 'Output format'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Explain one scheme, or print it as a scheme file to start a custom one from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcheck;providers;show'= {
            cand --format 'Output format'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;providers;help'= {
            cand show 'Explain one scheme, or print it as a scheme file to start a custom one from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcheck;providers;help;show'= {
        }
        &'hookcheck;providers;help;help'= {
        }
        &'hookcheck;sign'= {
            cand -b 'The raw body, as given'
            cand --body 'The raw body, as given'
            cand --body-file 'The raw body bytes, exactly [default: stdin when it is not a terminal]'
            cand -H 'An extra header to send, ''Name: value'' (repeatable)'
            cand --header 'An extra header to send, ''Name: value'' (repeatable)'
            cand --timestamp 'The signing time [default: now]'
            cand --id 'The delivery id, for schemes that sign one [default: a fresh random id]'
            cand --url 'The URL the delivery is for (URL-signed schemes sign it)'
            cand --method 'The HTTP method'
            cand --secret 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)'
            cand --secret-file 'A file holding a secret; one trailing newline is removed'
            cand --secret-env 'An environment variable holding a secret'
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand --cert-file 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked'
            cand --jwks-file 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it'
            cand --private-key-file 'The sender''s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --format 'Output format'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookcheck;send'= {
            cand --request 'A captured delivery to send as it is (or re-signed with --resign)'
            cand --timeout 'Seconds to wait for the response'
            cand -b 'The raw body, as given'
            cand --body 'The raw body, as given'
            cand --body-file 'The raw body bytes, exactly [default: stdin when it is not a terminal]'
            cand -H 'An extra header to send, ''Name: value'' (repeatable)'
            cand --header 'An extra header to send, ''Name: value'' (repeatable)'
            cand --timestamp 'The signing time [default: now]'
            cand --id 'The delivery id, for schemes that sign one [default: a fresh random id]'
            cand --url 'The URL the delivery is for (URL-signed schemes sign it)'
            cand --method 'The HTTP method'
            cand --secret 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)'
            cand --secret-file 'A file holding a secret; one trailing newline is removed'
            cand --secret-env 'An environment variable holding a secret'
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand --cert-file 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked'
            cand --jwks-file 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it'
            cand --private-key-file 'The sender''s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --format 'Output format'
            cand --resign 'Give the capture a fresh timestamp and id, and sign it again with the given key'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;listen'= {
            cand --bind 'Address to listen on'
            cand --forward 'Relay each delivery''s exact bytes and headers to this URL (http:// or https://) and answer the sender with the app''s response'
            cand --save 'Write each delivery as a .http capture in this directory'
            cand --max-body 'Largest body accepted, in bytes (K, M, G suffixes: KiB, MiB, GiB); larger gets 413'
            cand --header-timeout 'Seconds a client may take to send the request head'
            cand --read-timeout 'Seconds a client may take to send the body'
            cand --respond 'What status the sender gets: 2xx only for verified deliveries (401 otherwise), or always 2xx'
            cand --verify-token 'The verify token you set for Meta (hub.verify_token) subscriptions'
            cand --max-deliveries 'Stop after this many deliveries (for scripts and tests)'
            cand --secret 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)'
            cand --secret-file 'A file holding a secret; one trailing newline is removed'
            cand --secret-env 'An environment variable holding a secret'
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand --cert-file 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked'
            cand --jwks-file 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it'
            cand --param 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)'
            cand --key-cache 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]'
            cand --fetch-timeout 'How long --fetch-keys waits for the provider''s answer'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --now 'Verify as of this instant [default: the system clock]'
            cand --tolerance 'Replay window in seconds [default: the provider''s documented one]'
            cand --format 'Output format'
            cand --color 'When to colour human output (NO_COLOR is honoured)'
            cand --public 'Allow --bind on an address other than loopback (anyone who reaches it can send)'
            cand --fetch-keys 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache'
            cand --no-tolerance 'Skip the age check (for old captured payloads)'
            cand -q 'Print nothing; the exit code tells the result'
            cand --quiet 'Print nothing; the exit code tells the result'
            cand --no-diagnose 'Do not search for an explanation when the delivery does not verify'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;explain'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;man'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;help'= {
            cand verify 'Verify one delivery''s signature'
            cand batch 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
            cand providers 'List the provider schemes hookcheck knows, or explain one'
            cand sign 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)'
            cand send 'Send a capture, or a freshly signed delivery, to a receiver'
            cand listen 'Run a local receiver that verifies every delivery live (and answers challenges)'
            cand explain 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff), as committed in man/hookcheck.1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcheck;help;verify'= {
        }
        &'hookcheck;help;batch'= {
        }
        &'hookcheck;help;providers'= {
            cand show 'Explain one scheme, or print it as a scheme file to start a custom one from'
        }
        &'hookcheck;help;providers;show'= {
        }
        &'hookcheck;help;sign'= {
        }
        &'hookcheck;help;send'= {
        }
        &'hookcheck;help;listen'= {
        }
        &'hookcheck;help;explain'= {
        }
        &'hookcheck;help;completions'= {
        }
        &'hookcheck;help;man'= {
        }
        &'hookcheck;help;help'= {
        }
    ]
    $completions[$command]
}
