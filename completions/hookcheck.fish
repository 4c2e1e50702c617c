# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookcheck_global_optspecs
    string join \n h/help V/version
end

function __fish_hookcheck_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hookcheck_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hookcheck_using_subcommand
    set -l cmd (__fish_hookcheck_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hookcheck -n "__fish_hookcheck_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -s V -l version -d 'Print version'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "verify" -d 'Verify one delivery\'s signature'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "batch" -d 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "providers" -d 'List the provider schemes hookcheck knows, or explain one'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "sign" -d 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "send" -d 'Send a capture, or a freshly signed delivery, to a receiver'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "listen" -d 'Run a local receiver that verifies every delivery live (and answers challenges)'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "explain" -d 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "man" -d 'Print the man page (roff), as committed in man/hookcheck.1'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l request -d 'A captured HTTP/1.x request: request line, headers, blank line, raw body' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s H -l header -d 'A header, \'Name: value\' (repeatable; overrides the capture\'s header of that name)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l headers-file -d 'Headers, one \'Name: value\' per line' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s b -l body -d 'The raw body, as given' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l body-file -d 'The raw body bytes, exactly [default: stdin when it is not a terminal]' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s s -l signature -d 'The value of the provider\'s signature header (needs --provider)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l timestamp -d 'The value of the provider\'s timestamp header (needs --provider)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l computed -d 'The digest your own receiver computed (from its logs): check it instead of the delivery\'s signature, and say which variant of body, secret or template produces it' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l url -d 'The public URL the provider delivered to (URL-signed schemes)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l method -d 'The HTTP method of the delivery' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l param -d 'A value the scheme signs that the delivery does not carry, \'NAME=VALUE\' (repeatable; PayPal: --param webhook_id=ID)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l key-cache -d 'Where --fetch-keys keeps certificates; a certificate found there is used without a request [default: the user\'s cache directory, hookcheck/certs]' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l fetch-timeout -d 'How long --fetch-keys waits for the provider\'s answer' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l cert-file -d 'The sender\'s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "md5\t''
sha1\t''
sha256\t''
sha384\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l now -d 'Verify as of this instant [default: the system clock]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l tolerance -d 'Replay window in seconds [default: the provider\'s documented one]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l color -d 'When to colour human output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l fetch-keys -d 'Fetch the certificate the delivery names (PayPal\'s PAYPAL-CERT-URL, Amazon SNS\'s SigningCertURL): only over HTTPS from the provider\'s documented hosts, checked before any request, and kept in --key-cache'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l no-tolerance -d 'Skip the age check (for old captured payloads)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s q -l quiet -d 'Print nothing; the exit code tells the result'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l no-diagnose -d 'Do not search for an explanation when the delivery does not verify'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l junit -d 'Also write a JUnit XML report (one testcase per delivery) to this file' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l cert-file -d 'The sender\'s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "md5\t''
sha1\t''
sha256\t''
sha384\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l now -d 'Verify as of this instant [default: the system clock]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l tolerance -d 'Replay window in seconds [default: the provider\'s documented one]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l color -d 'When to colour human output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l fail-fast -d 'Stop at the first delivery that does not verify'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l now-from-input -d 'Verify each JSON Lines delivery as of its own "now" field (the time it was received); without this flag input never sets the clock, and --now always wins'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l no-tolerance -d 'Skip the age check (for old captured payloads)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -s q -l quiet -d 'Print nothing; the exit code tells the result'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l no-diagnose -d 'Do not search for an explanation when the delivery does not verify'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and not __fish_seen_subcommand_from show help" -l format -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Explain one scheme, or print it as a scheme file to start a custom one from'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "text\t''
toml\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "show" -d 'Explain one scheme, or print it as a scheme file to start a custom one from'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -s b -l body -d 'The raw body, as given' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l body-file -d 'The raw body bytes, exactly [default: stdin when it is not a terminal]' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -s H -l header -d 'An extra header to send, \'Name: value\' (repeatable)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l timestamp -d 'The signing time [default: now]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l id -d 'The delivery id, for schemes that sign one [default: a fresh random id]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l url -d 'The URL the delivery is for (URL-signed schemes sign it)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l method -d 'The HTTP method' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l cert-file -d 'The sender\'s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l private-key-file -d 'The sender\'s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "md5\t''
sha1\t''
sha256\t''
sha384\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -l format -d 'Output format' -r -f -a "http\t'An HTTP/1.1 capture, as `verify --request` and `batch` read'
headers\t'The headers, one \'Name: value\' per line'
curl\t'A curl command'
json\t'One JSON object, in the JSON Lines shape `batch` reads'"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l request -d 'A captured delivery to send as it is (or re-signed with --resign)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l timeout -d 'Seconds to wait for the response' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -s b -l body -d 'The raw body, as given' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l body-file -d 'The raw body bytes, exactly [default: stdin when it is not a terminal]' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -s H -l header -d 'An extra header to send, \'Name: value\' (repeatable)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l timestamp -d 'The signing time [default: now]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l id -d 'The delivery id, for schemes that sign one [default: a fresh random id]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l url -d 'The URL the delivery is for (URL-signed schemes sign it)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l method -d 'The HTTP method' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l cert-file -d 'The sender\'s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l private-key-file -d 'The sender\'s private key (Ed25519, ECDSA P-256): PEM, base64/hex PKCS#8 DER, Ed25519 seed + public key, or a P-256 scalar' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "md5\t''
sha1\t''
sha256\t''
sha384\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -l resign -d 'Give the capture a fresh timestamp and id, and sign it again with the given key'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand send" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l bind -d 'Address to listen on' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l forward -d 'Relay each delivery\'s exact bytes and headers to this URL (http:// or https://) and answer the sender with the app\'s response' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l save -d 'Write each delivery as a .http capture in this directory' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l max-body -d 'Largest body accepted, in bytes (K, M, G suffixes: KiB, MiB, GiB); larger gets 413' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l header-timeout -d 'Seconds a client may take to send the request head' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l read-timeout -d 'Seconds a client may take to send the body' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l respond -d 'What status the sender gets: 2xx only for verified deliveries (401 otherwise), or always 2xx' -r -f -a "verified-only\t''
always-2xx\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l verify-token -d 'The verify token you set for Meta (hub.verify_token) subscriptions' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l max-deliveries -d 'Stop after this many deliveries (for scripts and tests)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256, RSA): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l cert-file -d 'The sender\'s X.509 certificate (PEM or DER), for RSA schemes (Amazon SNS, PayPal): its public key checks the signature; its chain is not checked' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "md5\t''
sha1\t''
sha256\t''
sha384\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l now -d 'Verify as of this instant [default: the system clock]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l tolerance -d 'Replay window in seconds [default: the provider\'s documented one]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l color -d 'When to colour human output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l public -d 'Allow --bind on an address other than loopback (anyone who reaches it can send)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l no-tolerance -d 'Skip the age check (for old captured payloads)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -s q -l quiet -d 'Print nothing; the exit code tells the result'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -l no-diagnose -d 'Do not search for an explanation when the delivery does not verify'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand listen" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand explain" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand man" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "verify" -d 'Verify one delivery\'s signature'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "batch" -d 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "providers" -d 'List the provider schemes hookcheck knows, or explain one'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "sign" -d 'Make a correctly signed delivery for a scheme (a capture, headers, curl or JSON)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "send" -d 'Send a capture, or a freshly signed delivery, to a receiver'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "listen" -d 'Run a local receiver that verifies every delivery live (and answers challenges)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "explain" -d 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "completions" -d 'Print shell completions'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "man" -d 'Print the man page (roff), as committed in man/hookcheck.1'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers sign send listen explain completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "show" -d 'Explain one scheme, or print it as a scheme file to start a custom one from'
