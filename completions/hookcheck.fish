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
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "explain" -d 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
complete -c hookcheck -n "__fish_hookcheck_needs_command" -f -a "completions" -d 'Print shell completions'
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
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "sha1\t''
sha256\t''
sha512\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l token-header -d 'The header carrying the token, for --provider header-token' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l now -d 'Verify as of this instant [default: the system clock]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l tolerance -d 'Replay window in seconds [default: the provider\'s documented one]' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l color -d 'When to colour human output (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l no-tolerance -d 'Skip the age check (for old captured payloads)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s q -l quiet -d 'Print nothing; the exit code tells the result'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -l no-diagnose -d 'Do not search for an explanation when the delivery does not verify'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand verify" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l junit -d 'Also write a JUnit XML report (one testcase per delivery) to this file' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret -d 'A secret, as text (prefer --secret-file or --secret-env: shell history keeps this)' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret-file -d 'A file holding a secret; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l secret-env -d 'An environment variable holding a secret' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l public-key -d 'The sender\'s public key (Ed25519, ECDSA P-256): hex, base64, base64 DER or PEM' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l public-key-file -d 'A file holding the sender\'s public key; one trailing newline is removed' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -s p -l provider -d 'A provider name from `hookcheck providers`, or auto to detect it from the headers' -r
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l scheme -d 'A scheme description file (TOML; see `hookcheck providers show NAME --format toml`)' -r -F
complete -c hookcheck -n "__fish_hookcheck_using_subcommand batch" -l algorithm -d 'Use this HMAC hash instead of the scheme\'s' -r -f -a "sha1\t''
sha256\t''
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
complete -c hookcheck -n "__fish_hookcheck_using_subcommand explain" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "verify" -d 'Verify one delivery\'s signature'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "batch" -d 'Check many captured deliveries (.http, .har, .jsonl files, directories or stdin)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "providers" -d 'List the provider schemes hookcheck knows, or explain one'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "explain" -d 'Explain a cause or suspect code at length: what happened, how to confirm it, the fix'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "completions" -d 'Print shell completions'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and not __fish_seen_subcommand_from verify batch providers explain completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcheck -n "__fish_hookcheck_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "show" -d 'Explain one scheme, or print it as a scheme file to start a custom one from'
