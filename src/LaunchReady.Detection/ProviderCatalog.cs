using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>
    /// The credential formats LR0001 recognises. Each has fixed anchors for the prefilter, a bounded
    /// expression, and, where the format allows, a check that a look-alike cannot pass (checksums,
    /// decodable headers, charset and length).
    /// </summary>
    internal static class ProviderCatalog
    {
        // Token boundaries: a credential is not part of a longer identifier-like run.
        private const string B = @"(?<![A-Za-z0-9_\-])";
        private const string E = @"(?![A-Za-z0-9_\-])";

        // A PEM private key with its armour and line breaks: RSA 4096 is about 3.3 KB, escaped in JSON a little more.
        private const int LongestKey = 16 * 1024;

        // Published as examples by their vendors; real-looking but public.
        private const string JwtIoExampleSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        private const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        public static IReadOnlyList<ProviderPattern> All { get; } = Build();

        private static IReadOnlyList<ProviderPattern> Build() => new[]
        {
            // Cloud
            new ProviderPattern("aws-access-key-id", "AWS access key ID", "AWS_ACCESS_KEY_ID",
                new[] { "AKIA", "ASIA", "ABIA", "ACCA" }, B + "(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}" + E),
            new ProviderPattern("aws-secret-access-key", "AWS secret access key", "AWS_SECRET_ACCESS_KEY",
                new[] { "aws_secret", "awssecret", "secretaccesskey", "secret_access_key" },
                @"(?i)(aws_?secret_?(access_?)?key|secret_?access_?key)[""']?\s*[:=]\s*[""']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
                anchorsIgnoreCase: true),
            new ProviderPattern("gcp-service-account-key", "GCP service account private key", "GOOGLE_APPLICATION_CREDENTIALS",
                new[] { "\"private_key\"" },
                @"""private_key""\s*:\s*""(?<s>-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,}?-----END PRIVATE KEY-----(\\n)?)""",
                validate: HasKeyBody, requiredContext: "service_account", requireRandom: false, longestMatch: LongestKey),
            new ProviderPattern("google-api-key", "Google API key", "GOOGLE_API_KEY",
                new[] { "AIza" }, B + "AIza[0-9A-Za-z_\\-]{35}" + E),
            new ProviderPattern("google-oauth-client-secret", "Google OAuth client secret", "GOOGLE_CLIENT_SECRET",
                new[] { "GOCSPX-" }, B + "GOCSPX-[A-Za-z0-9_\\-]{28}" + E),
            new ProviderPattern("azure-storage-account-key", "Azure Storage or Cosmos DB account key", "AZURE_STORAGE_CONNECTION_STRING",
                new[] { "AccountKey=" }, @"AccountKey=(?<s>[A-Za-z0-9+/]{86}==)",
                validate: key => key != AzuriteAccountKey, anchorsIgnoreCase: true),
            new ProviderPattern("azure-shared-access-key", "Azure Service Bus / Event Hubs / IoT Hub shared access key", "AZURE_SERVICEBUS_CONNECTION_STRING",
                new[] { "SharedAccessKey=" }, @"SharedAccessKey=(?<s>[A-Za-z0-9+/]{43}=)", anchorsIgnoreCase: true),
            new ProviderPattern("azure-sas-token", "Azure shared access signature (SAS)", "AZURE_SAS_TOKEN",
                new[] { "sig=" }, @"(?<![A-Za-z0-9])sig=(?<s>[A-Za-z0-9%+/]{40,}(%3[Dd]|=){0,2})", requiredContext: "sv="),
            new ProviderPattern("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret", "AZURE_CLIENT_SECRET",
                new[] { "Q~" }, @"(?<![A-Za-z0-9_~.\-])[A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34}(?![A-Za-z0-9_~.\-])"),
            new ProviderPattern("azure-devops-pat", "Azure DevOps personal access token", "AZURE_DEVOPS_PAT",
                new[] { "AZDO" }, B + "[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}" + E),
            new ProviderPattern("alibaba-access-key-id", "Alibaba Cloud access key ID", "ALIBABA_CLOUD_ACCESS_KEY_ID",
                new[] { "LTAI" }, B + "LTAI[A-Za-z0-9]{20}" + E),
            new ProviderPattern("digitalocean-token", "DigitalOcean token", "DIGITALOCEAN_TOKEN",
                new[] { "dop_v1_", "doo_v1_", "dor_v1_" }, B + "do[por]_v1_[a-f0-9]{64}" + E),
            new ProviderPattern("heroku-api-key", "Heroku API key", "HEROKU_API_KEY",
                new[] { "HRKU-" }, B + "HRKU-AA[A-Za-z0-9_\\-]{58}" + E),
            new ProviderPattern("flyio-token", "Fly.io token", "FLY_API_TOKEN",
                new[] { "fo1_" }, B + "fo1_[A-Za-z0-9_\\-]{43}" + E),
            new ProviderPattern("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "CLOUDFLARE_ORIGIN_CA_KEY",
                new[] { "v1.0-" }, B + "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}" + E),
            new ProviderPattern("databricks-token", "Databricks access token", "DATABRICKS_TOKEN",
                new[] { "dapi" }, B + "dapi[a-f0-9]{32}(-[0-9])?" + E),

            // Source hosting and package registries
            new ProviderPattern("github-token", "GitHub token", "GITHUB_TOKEN",
                new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" }, B + "gh[pousr]_[A-Za-z0-9]{36}" + E,
                validate: TokenChecks.HasValidCrc32Suffix),
            new ProviderPattern("github-fine-grained-pat", "GitHub fine-grained personal access token", "GITHUB_TOKEN",
                new[] { "github_pat_" }, B + "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}" + E),
            new ProviderPattern("gitlab-token", "GitLab token", "GITLAB_TOKEN",
                new[] { "glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-" },
                B + "gl(pat|dt|rt|ptt|cbt|ft|imt)-[A-Za-z0-9_\\-]{20,64}(\\.[A-Za-z0-9_.\\-]{1,40})?" + E),
            new ProviderPattern("npm-token", "npm access token", "NPM_TOKEN",
                new[] { "npm_" }, B + "npm_[A-Za-z0-9]{36}" + E, validate: TokenChecks.HasValidCrc32Suffix),
            new ProviderPattern("nuget-api-key", "NuGet API key", "NUGET_API_KEY",
                new[] { "oy2" }, B + "oy2[a-z0-9]{43}" + E),
            new ProviderPattern("pypi-token", "PyPI upload token", "PYPI_TOKEN",
                new[] { "pypi-AgEIcHlwaS5vcmc" }, B + "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,}" + E),
            new ProviderPattern("dockerhub-pat", "Docker Hub personal access token", "DOCKERHUB_TOKEN",
                new[] { "dckr_pat_" }, B + "dckr_pat_[A-Za-z0-9_\\-]{27}" + E),
            new ProviderPattern("atlassian-api-token", "Atlassian API token", "ATLASSIAN_API_TOKEN",
                new[] { "ATATT3" }, B + "ATATT3[A-Za-z0-9_\\-=]{180,}" + E),
            new ProviderPattern("sonarqube-token", "SonarQube token", "SONAR_TOKEN",
                new[] { "squ_", "sqp_", "sqa_" }, B + "sq[upa]_[a-f0-9]{40}" + E),
            new ProviderPattern("terraform-cloud-token", "Terraform Cloud API token", "TFE_TOKEN",
                new[] { ".atlasv1." }, B + "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-=]{60,70}" + E),
            new ProviderPattern("pulumi-token", "Pulumi access token", "PULUMI_ACCESS_TOKEN",
                new[] { "pul-" }, B + "pul-[a-f0-9]{40}" + E),

            // Payments and commerce
            new ProviderPattern("stripe-live-key", "Stripe live secret or restricted key", "STRIPE_SECRET_KEY",
                new[] { "sk_live_", "rk_live_" }, B + "[sr]k_live_[A-Za-z0-9]{20,247}" + E),
            new ProviderPattern("stripe-webhook-secret", "Stripe webhook signing secret", "STRIPE_WEBHOOK_SECRET",
                new[] { "whsec_" }, B + "whsec_[A-Za-z0-9+/=]{32,}" + E),
            new ProviderPattern("square-token", "Square access token or OAuth secret", "SQUARE_ACCESS_TOKEN",
                new[] { "EAAA", "sq0atp-", "sq0csp-" }, B + "(EAAA[A-Za-z0-9_\\-]{60}|sq0atp-[A-Za-z0-9_\\-]{22}|sq0csp-[A-Za-z0-9_\\-]{43})" + E),
            new ProviderPattern("braintree-access-token", "PayPal Braintree access token", "BRAINTREE_ACCESS_TOKEN",
                new[] { "access_token$production$" }, @"access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}"),
            new ProviderPattern("shopify-token", "Shopify access token or shared secret", "SHOPIFY_ACCESS_TOKEN",
                new[] { "shpat_", "shpca_", "shppa_", "shpss_" }, B + "shp(at|ca|pa|ss)_[a-fA-F0-9]{32}" + E),
            new ProviderPattern("shippo-live-token", "Shippo live API token", "SHIPPO_API_TOKEN",
                new[] { "shippo_live_" }, B + "shippo_live_[a-f0-9]{40}" + E),

            // Messaging and email
            new ProviderPattern("slack-token", "Slack token", "SLACK_TOKEN",
                new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-" }, B + "xox[bpaers]-[0-9]{8,}-[0-9A-Za-z\\-]{16,}" + E),
            new ProviderPattern("slack-app-token", "Slack app-level token", "SLACK_APP_TOKEN",
                new[] { "xapp-" }, B + "xapp-[0-9]-[A-Z0-9]{9,}-[0-9]{10,}-[a-f0-9]{64}" + E),
            new ProviderPattern("slack-webhook", "Slack incoming webhook URL", "SLACK_WEBHOOK_URL",
                new[] { "hooks.slack.com/" }, @"https://hooks\.slack\.com/(services|workflows|triggers)/T[A-Z0-9]{8,}/[A-Z0-9]{8,}/[A-Za-z0-9]{20,}"),
            new ProviderPattern("twilio-api-key", "Twilio API key", "TWILIO_API_KEY",
                new[] { "SK" }, B + "SK[0-9a-f]{32}" + E, confidence: Confidence.Medium),
            new ProviderPattern("sendgrid-api-key", "SendGrid API key", "SENDGRID_API_KEY",
                new[] { "SG." }, B + "SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}" + E),
            new ProviderPattern("mailgun-api-key", "Mailgun API key", "MAILGUN_API_KEY",
                new[] { "key-" }, B + "key-[0-9a-f]{32}" + E),
            new ProviderPattern("mailchimp-api-key", "Mailchimp API key", "MAILCHIMP_API_KEY",
                new[] { "-us" }, B + "[0-9a-f]{32}-us[0-9]{1,2}" + E),
            new ProviderPattern("postmark-server-token", "Postmark server token", "POSTMARK_SERVER_TOKEN",
                new[] { "postmark" }, @"(?i)postmark[A-Za-z_\-:\s""'=]{0,40}?(?<s>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
                confidence: Confidence.Medium, anchorsIgnoreCase: true),
            new ProviderPattern("discord-bot-token", "Discord bot token", "DISCORD_BOT_TOKEN",
                new[] { "MT", "Nj", "Nz", "OD", "OT" }, B + "[MNO][A-Za-z0-9_\\-]{23,27}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,40}" + E,
                validate: TokenChecks.StartsWithBase64UserId, anchorStartsMatch: true),
            new ProviderPattern("discord-webhook", "Discord webhook URL", "DISCORD_WEBHOOK_URL",
                new[] { "discord" }, @"https://(ptb\.|canary\.)?discord(app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,70}"),
            new ProviderPattern("telegram-bot-token", "Telegram bot token", "TELEGRAM_BOT_TOKEN",
                new[] { ":AA" }, B + "[0-9]{8,10}:AA[A-Za-z0-9_\\-]{33}" + E),
            new ProviderPattern("firebase-fcm-server-key", "Firebase Cloud Messaging server key", "FCM_SERVER_KEY",
                new[] { ":APA91b" }, B + "AAAA[A-Za-z0-9_\\-]{7}:APA91b[A-Za-z0-9_\\-]{134}" + E),
            new ProviderPattern("twitter-bearer-token", "X (Twitter) bearer token", "TWITTER_BEARER_TOKEN",
                new[] { "AAAAAAAAAAAAAAAAAAAAA" }, B + "AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{20,}%3D[A-Za-z0-9%]{20,}" + E,
                validate: token => TokenChecks.LooksRandom(token.TrimStart('A')), requireRandom: false),

            // AI providers
            new ProviderPattern("openai-api-key", "OpenAI API key", "OPENAI_API_KEY",
                new[] { "T3BlbkFJ", "sk-proj-", "sk-svcacct-", "sk-admin-" },
                B + "sk-((proj|svcacct|admin)-[A-Za-z0-9_\\-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})" + E),
            new ProviderPattern("anthropic-api-key", "Anthropic API key", "ANTHROPIC_API_KEY",
                new[] { "sk-ant-" }, B + "sk-ant-(api|admin|sid)[0-9]{2}-[A-Za-z0-9_\\-]{80,}" + E),
            new ProviderPattern("huggingface-token", "Hugging Face token", "HF_TOKEN",
                new[] { "hf_", "api_org_" }, B + "(hf_|api_org_)[A-Za-z]{34}" + E),
            new ProviderPattern("groq-api-key", "Groq API key", "GROQ_API_KEY",
                new[] { "gsk_" }, B + "gsk_[A-Za-z0-9]{52}" + E),
            new ProviderPattern("perplexity-api-key", "Perplexity API key", "PERPLEXITY_API_KEY",
                new[] { "pplx-" }, B + "pplx-[A-Za-z0-9]{48}" + E),
            new ProviderPattern("replicate-api-token", "Replicate API token", "REPLICATE_API_TOKEN",
                new[] { "r8_" }, B + "r8_[A-Za-z0-9]{37}" + E),

            // Observability and SaaS
            new ProviderPattern("datadog-api-key", "Datadog API or application key", "DD_API_KEY",
                new[] { "datadog", "dd_api", "dd_app", "dd-api", "dd-app", "ddapi", "ddapp" },
                @"(?i)(datadog|dd)[_\-]?(api|app(lication)?)[_\-]?key[""']?\s*[:=,]\s*[""']?(?<s>[a-f0-9]{32}([a-f0-9]{8})?)(?![a-f0-9])",
                anchorsIgnoreCase: true, anchorStartsMatch: true),
            new ProviderPattern("sentry-auth-token", "Sentry auth token", "SENTRY_AUTH_TOKEN",
                new[] { "sntrys_", "sntryu_" }, B + "sntry[su]_[A-Za-z0-9+/=_]{40,}" + E),
            new ProviderPattern("sentry-dsn-secret", "Sentry DSN with a secret key", "SENTRY_DSN",
                new[] { "sentry" }, @"https?://[0-9a-f]{32}:(?<s>[0-9a-f]{32})@[^\s""'/]*sentry[^\s""']*", anchorsIgnoreCase: true),
            new ProviderPattern("newrelic-user-key", "New Relic user API key", "NEW_RELIC_API_KEY",
                new[] { "NRAK-" }, B + "NRAK-[A-Z0-9]{27}" + E),
            new ProviderPattern("grafana-token", "Grafana Cloud or service account token", "GRAFANA_TOKEN",
                new[] { "glc_", "glsa_" }, B + "(glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})" + E),
            new ProviderPattern("linear-api-key", "Linear API key", "LINEAR_API_KEY",
                new[] { "lin_api_" }, B + "lin_api_[A-Za-z0-9]{40}" + E),
            new ProviderPattern("notion-token", "Notion integration token", "NOTION_TOKEN",
                new[] { "ntn_", "secret_" }, B + "(ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})" + E),
            new ProviderPattern("airtable-pat", "Airtable personal access token", "AIRTABLE_TOKEN",
                new[] { "pat" }, B + "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}" + E),
            new ProviderPattern("hubspot-private-app-token", "HubSpot private app token", "HUBSPOT_ACCESS_TOKEN",
                new[] { "pat-na1-", "pat-eu1-" }, B + "pat-(na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}" + E),
            new ProviderPattern("postman-api-key", "Postman API key", "POSTMAN_API_KEY",
                new[] { "PMAK-" }, B + "PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + E),
            new ProviderPattern("contentful-token", "Contentful personal access token", "CONTENTFUL_MANAGEMENT_TOKEN",
                new[] { "CFPAT-" }, B + "CFPAT-[A-Za-z0-9_\\-]{43}" + E),
            new ProviderPattern("figma-token", "Figma personal access token", "FIGMA_TOKEN",
                new[] { "figd_" }, B + "figd_[A-Za-z0-9_\\-]{40}" + E),
            new ProviderPattern("mapbox-secret-token", "Mapbox secret token", "MAPBOX_SECRET_TOKEN",
                new[] { "sk.eyJ" }, B + "sk\\.eyJ[A-Za-z0-9_\\-]{50,}\\.[A-Za-z0-9_\\-]{20,}" + E),
            new ProviderPattern("dropbox-token", "Dropbox access token", "DROPBOX_ACCESS_TOKEN",
                new[] { "sl." }, B + "sl\\.(u\\.)?[A-Za-z0-9_\\-]{130,}" + E),
            new ProviderPattern("doppler-token", "Doppler token", "DOPPLER_TOKEN",
                new[] { "dp.pt.", "dp.st.", "dp.sa.", "dp.ct." }, B + "dp\\.(pt|st|sa|ct)\\.[A-Za-z0-9]{40,44}" + E),
            new ProviderPattern("vault-token", "HashiCorp Vault token", "VAULT_TOKEN",
                new[] { "hvs.", "hvb." }, B + "hv[sb]\\.[A-Za-z0-9_\\-]{24,}" + E),
            new ProviderPattern("planetscale-token", "PlanetScale token or password", "PLANETSCALE_TOKEN",
                new[] { "pscale_" }, B + "pscale_(tkn|pw|oauth)_[A-Za-z0-9_\\-.=]{32,64}" + E),
            new ProviderPattern("supabase-access-token", "Supabase access token", "SUPABASE_ACCESS_TOKEN",
                new[] { "sbp_" }, B + "sbp_[a-f0-9]{40}" + E),
            new ProviderPattern("netlify-token", "Netlify access token", "NETLIFY_AUTH_TOKEN",
                new[] { "nfp_" }, B + "nfp_[A-Za-z0-9]{36}" + E),

            // Keys, tokens and connection URLs of any provider
            new ProviderPattern("private-key", "private key", "PRIVATE_KEY",
                new[] { "-----BEGIN" },
                @"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----[A-Za-z0-9+/=\\\s:,\-]{64,}?(-----END [A-Z ]{0,20}PRIVATE KEY( BLOCK)?-----|(?=[""'`]|$))",
                validate: HasKeyBody, requireRandom: false, longestMatch: LongestKey),
            new ProviderPattern("putty-private-key", "PuTTY private key", "PRIVATE_KEY",
                new[] { "PuTTY-User-Key-File-" }, @"PuTTY-User-Key-File-[0-9]: [\s\S]{0,400}?Private-Lines: [0-9]+", requireRandom: false),
            new ProviderPattern("age-secret-key", "age secret key", "AGE_SECRET_KEY",
                new[] { "AGE-SECRET-KEY-1" }, "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
            new ProviderPattern("jwt", "signed JSON Web Token", "JWT_TOKEN",
                new[] { "eyJ" }, B + "eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{20,}" + E,
                validate: token => TokenChecks.IsSignedJwt(token) && !token.EndsWith(JwtIoExampleSignature, StringComparison.Ordinal), longestMatch: 8192),
            new ProviderPattern("database-url-password", "database URL with an inline password", "DATABASE_URL",
                new[] { "postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "cockroachdb", "clickhouse" },
                @"(?i)(?<![A-Za-z0-9+])(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)://(?<user>[^:@/\s""'?#]*):(?<s>[^@/\s""'?#]{3,})@[^\s""'/?#]+",
                validate: password => !Placeholders.IsTrivialPassword(password), anchorsIgnoreCase: true),
        };

        // PEM and service-account keys: a body of real key material, not "..." or a short stand-in.
        private static bool HasKeyBody(string key)
        {
            var body = key.Replace("\\n", string.Empty);
            var count = 0;
            var headerEnd = body.IndexOf("-----", 5, StringComparison.Ordinal);
            for (var i = headerEnd < 0 ? 0 : headerEnd + 5; i < body.Length; i++)
            {
                var c = body[i];
                if (c == '-')
                {
                    break;
                }

                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')
                {
                    count++;
                }
            }

            return count >= 64;
        }
    }
}
