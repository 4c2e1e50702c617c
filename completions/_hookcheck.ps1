
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hookcheck' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hookcheck'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hookcheck' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify one delivery''s signature')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the provider schemes hookcheck knows, or explain one')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a capture, or a freshly signed delivery, to a receiver')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local receiver that verifies every delivery live (and answers challenges)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), as committed in man/hookcheck.1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcheck;verify' {
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A captured HTTP/1.x request: request line, headers, blank line, raw body')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header, ''Name: value'' (repeatable; overrides the capture''s header of that name)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header, ''Name: value'' (repeatable; overrides the capture''s header of that name)')
            [CompletionResult]::new('--headers-file', '--headers-file', [CompletionResultType]::ParameterName, 'Headers, one ''Name: value'' per line')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'The raw body bytes, exactly [default: stdin when it is not a terminal]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The value of the provider''s signature header (needs --provider)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The value of the provider''s signature header (needs --provider)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The value of the provider''s timestamp header (needs --provider)')
            [CompletionResult]::new('--computed', '--computed', [CompletionResultType]::ParameterName, 'The digest your own receiver computed (from its logs): check it instead of the delivery''s signature, and say which variant of body, secret or template produces it')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The public URL the provider delivered to (URL-signed schemes)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method of the delivery')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'A file holding a secret; one trailing newline is removed')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'An environment variable holding a secret')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM')
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'A file holding the sender''s public key; one trailing newline is removed')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked')
            [CompletionResult]::new('--jwks-file', '--jwks-file', [CompletionResultType]::ParameterName, 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)')
            [CompletionResult]::new('--key-cache', '--key-cache', [CompletionResultType]::ParameterName, 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]')
            [CompletionResult]::new('--fetch-timeout', '--fetch-timeout', [CompletionResultType]::ParameterName, 'How long --fetch-keys waits for the provider''s answer')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Use this HMAC hash instead of the scheme''s')
            [CompletionResult]::new('--token-header', '--token-header', [CompletionResultType]::ParameterName, 'The header carrying the token, for --provider header-token')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Verify as of this instant [default: the system clock]')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Replay window in seconds [default: the provider''s documented one]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour human output (NO_COLOR is honoured)')
            [CompletionResult]::new('--fetch-keys', '--fetch-keys', [CompletionResultType]::ParameterName, 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache')
            [CompletionResult]::new('--no-tolerance', '--no-tolerance', [CompletionResultType]::ParameterName, 'Skip the age check (for old captured payloads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--no-diagnose', '--no-diagnose', [CompletionResultType]::ParameterName, 'Do not search for an explanation when the delivery does not verify')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;batch' {
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write a JUnit XML report (one testcase per delivery) to this file')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'A file holding a secret; one trailing newline is removed')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'An environment variable holding a secret')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM')
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'A file holding the sender''s public key; one trailing newline is removed')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked')
            [CompletionResult]::new('--jwks-file', '--jwks-file', [CompletionResultType]::ParameterName, 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)')
            [CompletionResult]::new('--key-cache', '--key-cache', [CompletionResultType]::ParameterName, 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]')
            [CompletionResult]::new('--fetch-timeout', '--fetch-timeout', [CompletionResultType]::ParameterName, 'How long --fetch-keys waits for the provider''s answer')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Use this HMAC hash instead of the scheme''s')
            [CompletionResult]::new('--token-header', '--token-header', [CompletionResultType]::ParameterName, 'The header carrying the token, for --provider header-token')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Verify as of this instant [default: the system clock]')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Replay window in seconds [default: the provider''s documented one]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour human output (NO_COLOR is honoured)')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first delivery that does not verify')
            [CompletionResult]::new('--now-from-input', '--now-from-input', [CompletionResultType]::ParameterName, 'Verify each JSON Lines delivery as of its own "now" field (the time it was received); without this flag input never sets the clock, and --now always wins')
            [CompletionResult]::new('--fetch-keys', '--fetch-keys', [CompletionResultType]::ParameterName, 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache')
            [CompletionResult]::new('--no-tolerance', '--no-tolerance', [CompletionResultType]::ParameterName, 'Skip the age check (for old captured payloads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--no-diagnose', '--no-diagnose', [CompletionResultType]::ParameterName, 'Do not search for an explanation when the delivery does not verify')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;providers' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Explain one scheme, or print it as a scheme file to start a custom one from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcheck;providers;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;providers;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Explain one scheme, or print it as a scheme file to start a custom one from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcheck;providers;help;show' {
            break
        }
        'hookcheck;providers;help;help' {
            break
        }
        'hookcheck;sign' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'The raw body bytes, exactly [default: stdin when it is not a terminal]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'An extra header to send, ''Name: value'' (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'An extra header to send, ''Name: value'' (repeatable)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The signing time [default: now]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The delivery id, for schemes that sign one [default: a fresh random id]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the delivery is for (URL-signed schemes sign it)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'A file holding a secret; one trailing newline is removed')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'An environment variable holding a secret')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM')
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'A file holding the sender''s public key; one trailing newline is removed')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked')
            [CompletionResult]::new('--jwks-file', '--jwks-file', [CompletionResultType]::ParameterName, 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'The sender''s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Use this HMAC hash instead of the scheme''s')
            [CompletionResult]::new('--token-header', '--token-header', [CompletionResultType]::ParameterName, 'The header carrying the token, for --provider header-token')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookcheck;send' {
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A captured delivery to send as it is (or re-signed with --resign)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the response')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The raw body, as given')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'The raw body bytes, exactly [default: stdin when it is not a terminal]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'An extra header to send, ''Name: value'' (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'An extra header to send, ''Name: value'' (repeatable)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The signing time [default: now]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The delivery id, for schemes that sign one [default: a fresh random id]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the delivery is for (URL-signed schemes sign it)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'A file holding a secret; one trailing newline is removed')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'An environment variable holding a secret')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM')
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'A file holding the sender''s public key; one trailing newline is removed')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked')
            [CompletionResult]::new('--jwks-file', '--jwks-file', [CompletionResultType]::ParameterName, 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'The sender''s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Use this HMAC hash instead of the scheme''s')
            [CompletionResult]::new('--token-header', '--token-header', [CompletionResultType]::ParameterName, 'The header carrying the token, for --provider header-token')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--resign', '--resign', [CompletionResultType]::ParameterName, 'Give the capture a fresh timestamp and id, and sign it again with the given key')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;listen' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--forward', '--forward', [CompletionResultType]::ParameterName, 'Relay each delivery''s exact bytes and headers to this URL (http:// or https://) and answer the sender with the app''s response')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Write each delivery as a .http capture in this directory')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest body accepted, in bytes (K, M, G suffixes: KiB, MiB, GiB); larger gets 413')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a client may take to send the request head')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Seconds a client may take to send the body')
            [CompletionResult]::new('--respond', '--respond', [CompletionResultType]::ParameterName, 'What status the sender gets: 2xx only for verified deliveries (401 otherwise), or always 2xx')
            [CompletionResult]::new('--verify-token', '--verify-token', [CompletionResultType]::ParameterName, 'The verify token you set for Meta (hub.verify_token) subscriptions')
            [CompletionResult]::new('--max-deliveries', '--max-deliveries', [CompletionResultType]::ParameterName, 'Stop after this many deliveries (for scripts and tests)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'A file holding a secret; one trailing newline is removed')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'An environment variable holding a secret')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The sender''s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM')
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'A file holding the sender''s public key; one trailing newline is removed')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'The sender''s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked')
            [CompletionResult]::new('--jwks-file', '--jwks-file', [CompletionResultType]::ParameterName, 'The sender''s public keys as a JSON Web Key Set (`{"keys": [...]}`) or one JWK (RSA, EC, Ed25519): each key is tried for the token whose `kid` names it')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A value the scheme signs that the delivery does not carry, ''NAME=VALUE'' (repeatable; PayPal: --param webhook_id=ID)')
            [CompletionResult]::new('--key-cache', '--key-cache', [CompletionResultType]::ParameterName, 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user''s cache directory, hookcheck/certs]')
            [CompletionResult]::new('--fetch-timeout', '--fetch-timeout', [CompletionResultType]::ParameterName, 'How long --fetch-keys waits for the provider''s answer')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'A provider name from `hookcheck providers`, or auto to detect it from the headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Use this HMAC hash instead of the scheme''s')
            [CompletionResult]::new('--token-header', '--token-header', [CompletionResultType]::ParameterName, 'The header carrying the token, for --provider header-token')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Verify as of this instant [default: the system clock]')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Replay window in seconds [default: the provider''s documented one]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour human output (NO_COLOR is honoured)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Allow --bind on an address other than loopback (anyone who reaches it can send)')
            [CompletionResult]::new('--fetch-keys', '--fetch-keys', [CompletionResultType]::ParameterName, 'Fetch the certificate the delivery names (PayPal''s PAYPAL-CERT-URL, Amazon SNS''s SigningCertURL): only over HTTPS from the provider''s documented hosts, checked before any request, and kept in --key-cache')
            [CompletionResult]::new('--no-tolerance', '--no-tolerance', [CompletionResultType]::ParameterName, 'Skip the age check (for old captured payloads)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; the exit code tells the result')
            [CompletionResult]::new('--no-diagnose', '--no-diagnose', [CompletionResultType]::ParameterName, 'Do not search for an explanation when the delivery does not verify')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;explain' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookcheck;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify one delivery''s signature')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the provider schemes hookcheck knows, or explain one')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a capture, or a freshly signed delivery, to a receiver')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local receiver that verifies every delivery live (and answers challenges)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), as committed in man/hookcheck.1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcheck;help;verify' {
            break
        }
        'hookcheck;help;batch' {
            break
        }
        'hookcheck;help;providers' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Explain one scheme, or print it as a scheme file to start a custom one from')
            break
        }
        'hookcheck;help;providers;show' {
            break
        }
        'hookcheck;help;sign' {
            break
        }
        'hookcheck;help;send' {
            break
        }
        'hookcheck;help;listen' {
            break
        }
        'hookcheck;help;explain' {
            break
        }
        'hookcheck;help;completions' {
            break
        }
        'hookcheck;help;man' {
            break
        }
        'hookcheck;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
