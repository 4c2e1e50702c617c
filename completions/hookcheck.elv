
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
            cand explain 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
            cand completions 'Print shell completions'
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
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
            cand -p 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --provider 'A provider name from `hookcheck providers`, or auto to detect it from the headers'
            cand --scheme 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)'
            cand --algorithm 'Use this HMAC hash instead of the scheme''s'
            cand --token-header 'The header carrying the token, for --provider header-token'
            cand --now 'Verify as of this instant [default: the system clock]'
            cand --tolerance 'Replay window in seconds [default: the provider''s documented one]'
            cand --format 'Output format'
            cand --color 'When to colour human output (NO_COLOR is honoured)'
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
            cand --public-key 'The sender''s public key (Ed25519, ECDSA P-256): hex, base64, base64 DER or PEM'
            cand --public-key-file 'A file holding the sender''s public key; one trailing newline is removed'
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
        &'hookcheck;explain'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookcheck;help'= {
            cand verify 'Verify one delivery''s signature'
            cand batch 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
            cand providers 'List the provider schemes hookcheck knows, or explain one'
            cand explain 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
            cand completions 'Print shell completions'
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
        &'hookcheck;help;explain'= {
        }
        &'hookcheck;help;completions'= {
        }
        &'hookcheck;help;help'= {
        }
    ]
    $completions[$command]
}
