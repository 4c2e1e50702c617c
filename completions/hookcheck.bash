_hookcheck() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hookcheck"
                ;;
            hookcheck,batch)
                cmd="hookcheck__subcmd__batch"
                ;;
            hookcheck,completions)
                cmd="hookcheck__subcmd__completions"
                ;;
            hookcheck,explain)
                cmd="hookcheck__subcmd__explain"
                ;;
            hookcheck,help)
                cmd="hookcheck__subcmd__help"
                ;;
            hookcheck,listen)
                cmd="hookcheck__subcmd__listen"
                ;;
            hookcheck,man)
                cmd="hookcheck__subcmd__man"
                ;;
            hookcheck,providers)
                cmd="hookcheck__subcmd__providers"
                ;;
            hookcheck,send)
                cmd="hookcheck__subcmd__send"
                ;;
            hookcheck,sign)
                cmd="hookcheck__subcmd__sign"
                ;;
            hookcheck,verify)
                cmd="hookcheck__subcmd__verify"
                ;;
            hookcheck__subcmd__help,batch)
                cmd="hookcheck__subcmd__help__subcmd__batch"
                ;;
            hookcheck__subcmd__help,completions)
                cmd="hookcheck__subcmd__help__subcmd__completions"
                ;;
            hookcheck__subcmd__help,explain)
                cmd="hookcheck__subcmd__help__subcmd__explain"
                ;;
            hookcheck__subcmd__help,help)
                cmd="hookcheck__subcmd__help__subcmd__help"
                ;;
            hookcheck__subcmd__help,listen)
                cmd="hookcheck__subcmd__help__subcmd__listen"
                ;;
            hookcheck__subcmd__help,man)
                cmd="hookcheck__subcmd__help__subcmd__man"
                ;;
            hookcheck__subcmd__help,providers)
                cmd="hookcheck__subcmd__help__subcmd__providers"
                ;;
            hookcheck__subcmd__help,send)
                cmd="hookcheck__subcmd__help__subcmd__send"
                ;;
            hookcheck__subcmd__help,sign)
                cmd="hookcheck__subcmd__help__subcmd__sign"
                ;;
            hookcheck__subcmd__help,verify)
                cmd="hookcheck__subcmd__help__subcmd__verify"
                ;;
            hookcheck__subcmd__help__subcmd__providers,show)
                cmd="hookcheck__subcmd__help__subcmd__providers__subcmd__show"
                ;;
            hookcheck__subcmd__providers,help)
                cmd="hookcheck__subcmd__providers__subcmd__help"
                ;;
            hookcheck__subcmd__providers,show)
                cmd="hookcheck__subcmd__providers__subcmd__show"
                ;;
            hookcheck__subcmd__providers__subcmd__help,help)
                cmd="hookcheck__subcmd__providers__subcmd__help__subcmd__help"
                ;;
            hookcheck__subcmd__providers__subcmd__help,show)
                cmd="hookcheck__subcmd__providers__subcmd__help__subcmd__show"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hookcheck)
            opts="-h -V --help --version verify batch providers sign send listen explain completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__batch)
            opts="-p -q -h --junit --fail-fast --now-from-input --secret --secret-file --secret-env --public-key --public-key-file --cert-file --jwks-file --param --fetch-keys --key-cache --fetch-timeout --provider --scheme --algorithm --token-header --now --tolerance --no-tolerance --format --color --quiet --no-diagnose --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --junit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwks-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-cache)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fetch-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "md5 sha1 sha256 sha384 sha512" -- "${cur}"))
                    return 0
                    ;;
                --token-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__completions)
            opts="-h --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__explain)
            opts="-h --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help)
            opts="verify batch providers sign send listen explain completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__batch)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__explain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__providers)
            opts="show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__providers__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__listen)
            opts="-p -q -h --bind --public --forward --save --max-body --header-timeout --read-timeout --respond --verify-token --max-deliveries --secret --secret-file --secret-env --public-key --public-key-file --cert-file --jwks-file --param --fetch-keys --key-cache --fetch-timeout --provider --scheme --algorithm --token-header --now --tolerance --no-tolerance --format --color --quiet --no-diagnose --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --bind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --save)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --read-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --respond)
                    COMPREPLY=($(compgen -W "verified-only always-2xx" -- "${cur}"))
                    return 0
                    ;;
                --verify-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-deliveries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwks-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-cache)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fetch-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "md5 sha1 sha256 sha384 sha512" -- "${cur}"))
                    return 0
                    ;;
                --token-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__man)
            opts="-h --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__providers)
            opts="-h --format --help show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__providers__subcmd__help)
            opts="show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__providers__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__providers__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__providers__subcmd__show)
            opts="-h --format --help auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "text toml json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__send)
            opts="-b -H -p -h --request --resign --timeout --body --body-file --header --timestamp --id --url --method --secret --secret-file --secret-env --public-key --public-key-file --cert-file --jwks-file --private-key-file --provider --scheme --algorithm --token-header --format --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwks-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "md5 sha1 sha256 sha384 sha512" -- "${cur}"))
                    return 0
                    ;;
                --token-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__sign)
            opts="-b -H -p -h --body --body-file --header --timestamp --id --url --method --secret --secret-file --secret-env --public-key --public-key-file --cert-file --jwks-file --private-key-file --provider --scheme --algorithm --token-header --format --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwks-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "md5 sha1 sha256 sha384 sha512" -- "${cur}"))
                    return 0
                    ;;
                --token-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "http headers curl json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcheck__subcmd__verify)
            opts="-H -b -s -p -q -h --request --header --headers-file --body --body-file --signature --timestamp --computed --url --method --secret --secret-file --secret-env --public-key --public-key-file --cert-file --jwks-file --param --fetch-keys --key-cache --fetch-timeout --provider --scheme --algorithm --token-header --now --tolerance --no-tolerance --format --color --quiet --no-diagnose --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --headers-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signature)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --computed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwks-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-cache)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fetch-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "auto github stripe slack shopify shopify-events standard-webhooks svix bugcrowd corgea zenduty zenduty-basic header-token basic securityscorecard crashtest github-sha1 meta intercom bitbucket jira typeform calendly pagerduty sentry gitlab zendesk vercel box dropbox xero lemonsqueezy mux trello coinbase-commerce segment airtable notion sanity asana docusign workos webflow customerio front helpscout circleci buildkite razorpay cal-com gitea forgejo elevenlabs tiktok hookdeck telegram zoom paddle linear square hubspot-v1 hubspot-v2 hubspot-v3 twitch retell cursor msteams clerk resend brex replicate recall openai render loops twilio mandrill discord telnyx sendgrid standard-webhooks-v1a mailgun adyen pandadoc woocommerce contentful front-rule aftership aiprise alchemy autodesk bridge-api castle webex clio commercelayer enode fastly-ngwaf fastspring flexport gocardless linkedin modern-treasury mongodb-atlas nuvemshop nylas picqer smartcar tally trendmicro-conformity twitter vercel-log-drains bolt clearbit favro maxio plivo shopline sonatype-nexus worldline chargify facebook instagram airship airwallex akeneo courier persona synctera zero-hash chargebee pipedrive postmark vmware-workspace-one okta ringcentral orb polar lithic tebex solidgate exact-online hygraph paypro-global quoter treezor upstash-qstash netlify ebay fireblocks-v2 fusionauth plaid wix amazon-sns antom bridge-xyz fireblocks-v1 paypal utila tokenio circle meraki cloudsignal pusher launchdarkly hcp-terraform heroku ascend bigcommerce faundit frameio go1 hostedhooks nmi oura pinwheel pylon recharge recharge-legacy recurly" -- "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --algorithm)
                    COMPREPLY=($(compgen -W "md5 sha1 sha256 sha384 sha512" -- "${cur}"))
                    return 0
                    ;;
                --token-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hookcheck -o nosort -o bashdefault -o default hookcheck
else
    complete -F _hookcheck -o bashdefault -o default hookcheck
fi
