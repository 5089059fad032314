using System;
using System.Collections.Generic;
using System.Text;
using LaunchReady.Detection;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Generates, at test time, a fresh fake credential in every recognised format (so no
    /// real-looking token is committed) and a near-miss that must not match it.
    /// </summary>
    internal static class FakeTokens
    {
        public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        public const string Lower = "abcdefghijklmnopqrstuvwxyz";
        public const string Digits = "0123456789";
        public const string Hex = "0123456789abcdef";
        public const string Alnum = Upper + Lower + Digits;
        public const string UrlSafe = Alnum + "_-";
        public const string Base64 = Alnum + "+/";
        public const string Base32 = Upper + "234567";

        /// <summary>A sample: the text to scan and the secret inside it (the span a finding must cover).</summary>
        public sealed record Sample(string Text, string Secret);

        public static IReadOnlyDictionary<string, (Func<Random, Sample> Positive, Func<Random, string> NearMiss)> Formats { get; } =
            new Dictionary<string, (Func<Random, Sample>, Func<Random, string>)>
            {
                ["aws-access-key-id"] = (r => Token("AKIA" + R(r, Base32, 16)), r => "AKIA" + R(r, Base32, 15)),
                ["aws-secret-access-key"] = (r => In("aws_secret_access_key = ", R(r, Base64, 40), ""), _ => "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                ["gcp-service-account-key"] = (r => In("{\"type\": \"service_account\", \"private_key\": \"", "-----BEGIN PRIVATE KEY-----\\n" + PemBody(r, "\\n") + "-----END PRIVATE KEY-----\\n", "\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}"),
                    _ => "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}"),
                ["google-api-key"] = (r => Token("AIza" + R(r, UrlSafe, 35)), r => "AIza" + R(r, UrlSafe, 34)),
                ["google-oauth-client-secret"] = (r => Token("GOCSPX-" + R(r, UrlSafe, 28)), r => "GOCSPX-" + R(r, UrlSafe, 27)),
                ["azure-storage-account-key"] = (r => In("DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=", R(r, Base64, 86) + "==", ";EndpointSuffix=core.windows.net"),
                    _ => "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"),
                ["azure-shared-access-key"] = (r => In("Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=", R(r, Base64, 43) + "=", ""),
                    r => "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" + R(r, Base64, 20) + "="),
                ["azure-sas-token"] = (r => In("https://shop.blob.core.windows.net/media?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&sig=", R(r, Base64, 43) + "%3D", ""),
                    r => "https://shop.blob.core.windows.net/media?sig=" + R(r, Base64, 43)),
                ["azure-ad-client-secret"] = (r => Token(R(r, Alnum, 3) + R(r, Digits, 1) + "Q~" + R(r, UrlSafe, 34)), r => R(r, Alnum, 3) + "8Q~" + R(r, Alnum, 20)),
                ["azure-devops-pat"] = (r => Token(R(r, Alnum, 76) + "AZDO" + R(r, Alnum, 4)), r => R(r, Alnum, 70) + "AZDO" + R(r, Alnum, 4)),
                ["alibaba-access-key-id"] = (r => Token("LTAI" + R(r, Alnum, 20)), r => "LTAI" + R(r, Alnum, 19)),
                ["digitalocean-token"] = (r => Token("dop_v1_" + R(r, Hex, 64)), r => "dop_v1_" + R(r, Hex, 63)),
                ["heroku-api-key"] = (r => Token("HRKU-AA" + R(r, UrlSafe, 58)), r => "HRKU-AA" + R(r, UrlSafe, 57)),
                ["flyio-token"] = (r => Token("fo1_" + R(r, UrlSafe, 43)), r => "fo1_" + R(r, UrlSafe, 42)),
                ["cloudflare-origin-ca-key"] = (r => Token("v1.0-" + R(r, Hex, 24) + "-" + R(r, Hex, 146)), r => "v1.0-" + R(r, Hex, 24) + "-" + R(r, Hex, 145)),
                ["databricks-token"] = (r => Token("dapi" + R(r, Hex, 32)), r => "dapi" + R(r, Hex, 31)),
                ["github-token"] = (r => Token(GitHubStyle(r, "ghp_")), r => BreakChecksum(GitHubStyle(r, "ghp_"))),
                ["github-fine-grained-pat"] = (r => Token("github_pat_" + R(r, Alnum, 22) + "_" + R(r, Alnum, 59)), r => "github_pat_" + R(r, Alnum, 22) + "_" + R(r, Alnum, 58)),
                ["gitlab-token"] = (r => Token("glpat-" + R(r, UrlSafe, 20)), r => "glpat-" + R(r, UrlSafe, 19)),
                ["npm-token"] = (r => Token(GitHubStyle(r, "npm_")), r => BreakChecksum(GitHubStyle(r, "npm_"))),
                ["nuget-api-key"] = (r => Token("oy2" + R(r, Lower + Digits, 43)), r => "oy2" + R(r, Lower + Digits, 42)),
                ["pypi-token"] = (r => Token("pypi-AgEIcHlwaS5vcmc" + R(r, UrlSafe, 60)), r => "pypi-AgEIcHlwaS5vcmc" + R(r, UrlSafe, 40)),
                ["dockerhub-pat"] = (r => Token("dckr_pat_" + R(r, UrlSafe, 27)), r => "dckr_pat_" + R(r, UrlSafe, 26)),
                ["atlassian-api-token"] = (r => Token("ATATT3" + R(r, UrlSafe, 186)), r => "ATATT3" + R(r, UrlSafe, 100)),
                ["sonarqube-token"] = (r => Token("squ_" + R(r, Hex, 40)), r => "squ_" + R(r, Hex, 39)),
                ["terraform-cloud-token"] = (r => Token(R(r, Alnum, 14) + ".atlasv1." + R(r, UrlSafe, 67)), r => R(r, Alnum, 14) + ".atlasv1." + R(r, UrlSafe, 40)),
                ["pulumi-token"] = (r => Token("pul-" + R(r, Hex, 40)), r => "pul-" + R(r, Hex, 39)),
                ["stripe-live-key"] = (r => Token("sk_live_" + R(r, Alnum, 99)), r => "sk_test_" + R(r, Alnum, 99)),
                ["stripe-webhook-secret"] = (r => Token("whsec_" + R(r, Alnum, 32)), r => "whsec_" + R(r, Alnum, 31)),
                ["square-token"] = (r => Token("sq0csp-" + R(r, UrlSafe, 43)), r => "sq0csp-" + R(r, UrlSafe, 42)),
                ["braintree-access-token"] = (r => Token("access_token$production$" + R(r, Lower + Digits, 16) + "$" + R(r, Hex, 32)), r => "access_token$sandbox$" + R(r, Lower + Digits, 16) + "$" + R(r, Hex, 32)),
                ["shopify-token"] = (r => Token("shpat_" + R(r, Hex, 32)), r => "shpat_" + R(r, Hex, 31)),
                ["shippo-live-token"] = (r => Token("shippo_live_" + R(r, Hex, 40)), r => "shippo_test_" + R(r, Hex, 40)),
                ["slack-token"] = (r => Token("xoxb-" + R(r, Digits, 11) + "-" + R(r, Digits, 12) + "-" + R(r, Alnum, 24)), _ => "xoxb-your-bot-token-goes-here"),
                ["slack-app-token"] = (r => Token("xapp-1-A" + R(r, Upper + Digits, 10) + "-" + R(r, Digits, 13) + "-" + R(r, Hex, 64)), r => "xapp-1-A" + R(r, Upper + Digits, 10) + "-" + R(r, Digits, 13) + "-" + R(r, Hex, 63)),
                ["slack-webhook"] = (r => Token("https://hooks.slack.com/services/T" + R(r, Upper + Digits, 8) + "/B" + R(r, Upper + Digits, 10) + "/" + R(r, Alnum, 24)),
                    _ => "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"),
                ["twilio-api-key"] = (r => Token("SK" + R(r, Hex, 32)), r => "SK" + R(r, Hex, 31)),
                ["sendgrid-api-key"] = (r => Token("SG." + R(r, UrlSafe, 22) + "." + R(r, UrlSafe, 43)), r => "SG." + R(r, UrlSafe, 22) + "." + R(r, UrlSafe, 42)),
                ["mailgun-api-key"] = (r => Token("key-" + R(r, Hex, 32)), r => "key-" + R(r, Hex, 31)),
                ["mailchimp-api-key"] = (r => Token(R(r, Hex, 32) + "-us21"), r => R(r, Hex, 31) + "-us21"),
                ["postmark-server-token"] = (r => In("X-Postmark-Server-Token: ", Uuid(r), ""), r => "X-Request-Id: " + Uuid(r)),
                ["discord-bot-token"] = (r => Token(Base64Url(Encoding.ASCII.GetBytes("1" + R(r, Digits, 17))) + "." + R(r, UrlSafe, 6) + "." + R(r, UrlSafe, 38)),
                    r => "M" + R(r, Lower, 23) + "." + R(r, UrlSafe, 6) + "." + R(r, UrlSafe, 38)),
                ["discord-webhook"] = (r => Token("https://discord.com/api/webhooks/" + R(r, Digits, 18) + "/" + R(r, UrlSafe, 68)), r => "https://discord.com/api/webhooks/" + R(r, Digits, 18) + "/" + R(r, UrlSafe, 40)),
                ["telegram-bot-token"] = (r => Token(R(r, "123456789", 10) + ":AA" + R(r, UrlSafe, 33)), r => R(r, "123456789", 10) + ":AA" + R(r, UrlSafe, 32)),
                ["firebase-fcm-server-key"] = (r => Token("AAAA" + R(r, UrlSafe, 7) + ":APA91b" + R(r, UrlSafe, 134)), r => "AAAA" + R(r, UrlSafe, 7) + ":APA91b" + R(r, UrlSafe, 100)),
                ["twitter-bearer-token"] = (r => Token("AAAAAAAAAAAAAAAAAAAAA" + R(r, Alnum, 40) + "%3D" + R(r, Alnum, 40)), r => "AAAAAAAAAAAAAAAAAAAAA" + R(r, Alnum, 80)),
                ["openai-api-key"] = (r => Token("sk-proj-" + R(r, UrlSafe, 60) + "T3BlbkFJ" + R(r, UrlSafe, 60)), r => "sk-" + R(r, Alnum, 48)),
                ["anthropic-api-key"] = (r => Token("sk-ant-api03-" + R(r, UrlSafe, 93) + "AA"), r => "sk-ant-api03-" + R(r, UrlSafe, 40)),
                ["huggingface-token"] = (r => Token("hf_" + R(r, Upper + Lower, 34)), r => "hf_" + R(r, Upper + Lower, 33)),
                ["groq-api-key"] = (r => Token("gsk_" + R(r, Alnum, 52)), r => "gsk_" + R(r, Alnum, 51)),
                ["perplexity-api-key"] = (r => Token("pplx-" + R(r, Alnum, 48)), r => "pplx-" + R(r, Alnum, 47)),
                ["replicate-api-token"] = (r => Token("r8_" + R(r, Alnum, 37)), r => "r8_" + R(r, Alnum, 36)),
                ["datadog-api-key"] = (r => In("DD_API_KEY=", R(r, Hex, 32), ""), r => "DD_SITE=" + R(r, Hex, 32)),
                ["sentry-auth-token"] = (r => Token("sntrys_" + R(r, Alnum, 60)), r => "sntrys_" + R(r, Alnum, 30)),
                ["sentry-dsn-secret"] = (r => In("https://" + R(r, Hex, 32) + ":", R(r, Hex, 32), "@o123456.ingest.sentry.io/789"), r => "https://" + R(r, Hex, 32) + "@o123456.ingest.sentry.io/789"),
                ["newrelic-user-key"] = (r => Token("NRAK-" + R(r, Upper + Digits, 27)), r => "NRAK-" + R(r, Upper + Digits, 26)),
                ["grafana-token"] = (r => Token("glsa_" + R(r, Alnum, 32) + "_" + R(r, Hex, 8)), r => "glsa_" + R(r, Alnum, 32) + "_" + R(r, Hex, 7)),
                ["linear-api-key"] = (r => Token("lin_api_" + R(r, Alnum, 40)), r => "lin_api_" + R(r, Alnum, 39)),
                ["notion-token"] = (r => Token("ntn_" + R(r, Digits, 11) + R(r, Alnum, 35)), r => "ntn_" + R(r, Digits, 11) + R(r, Alnum, 34)),
                ["airtable-pat"] = (r => Token("pat" + R(r, Alnum, 14) + "." + R(r, Hex, 64)), r => "pat" + R(r, Alnum, 14) + "." + R(r, Hex, 63)),
                ["hubspot-private-app-token"] = (r => Token("pat-na1-" + Uuid(r)), r => "pat-na1-" + Uuid(r).Substring(1)),
                ["postman-api-key"] = (r => Token("PMAK-" + R(r, Hex, 24) + "-" + R(r, Hex, 34)), r => "PMAK-" + R(r, Hex, 24) + "-" + R(r, Hex, 33)),
                ["contentful-token"] = (r => Token("CFPAT-" + R(r, UrlSafe, 43)), r => "CFPAT-" + R(r, UrlSafe, 42)),
                ["figma-token"] = (r => Token("figd_" + R(r, UrlSafe, 40)), r => "figd_" + R(r, UrlSafe, 39)),
                ["mapbox-secret-token"] = (r => Token("sk.eyJ" + R(r, UrlSafe, 80) + "." + R(r, UrlSafe, 22)), r => "pk.eyJ" + R(r, UrlSafe, 80) + "." + R(r, UrlSafe, 22)),
                ["dropbox-token"] = (r => Token("sl." + R(r, UrlSafe, 140)), r => "sl." + R(r, UrlSafe, 100)),
                ["doppler-token"] = (r => Token("dp.pt." + R(r, Alnum, 43)), r => "dp.pt." + R(r, Alnum, 39)),
                ["vault-token"] = (r => Token("hvs." + R(r, UrlSafe, 90)), r => "hvs." + R(r, UrlSafe, 20)),
                ["planetscale-token"] = (r => Token("pscale_tkn_" + R(r, UrlSafe, 43)), r => "pscale_tkn_" + R(r, UrlSafe, 31)),
                ["supabase-access-token"] = (r => Token("sbp_" + R(r, Hex, 40)), r => "sbp_" + R(r, Hex, 39)),
                ["netlify-token"] = (r => Token("nfp_" + R(r, Alnum, 36)), r => "nfp_" + R(r, Alnum, 35)),
                ["private-key"] = (r => Token("-----BEGIN RSA PRIVATE KEY-----\n" + PemBody(r, "\n") + "-----END RSA PRIVATE KEY-----"),
                    _ => "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"),
                ["putty-private-key"] = (r => Token("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n" + R(r, Base64, 64) + "\nPrivate-Lines: 1"),
                    _ => "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none"),
                ["age-secret-key"] = (r => Token("AGE-SECRET-KEY-1" + R(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)), r => "AGE-SECRET-KEY-1" + R(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 57)),
                ["jwt"] = (r => Token(Jwt(r, "HS256")), r => Jwt(r, "none")),
                ["database-url-password"] = (r => In("postgres://shop:", R(r, Alnum, 16), "@db.shop-prod.com:5432/shop"), _ => "postgres://postgres:postgres@localhost:5432/shop"),
            };

        public static string R(Random random, string alphabet, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        public static string GitHubStyle(Random random, string prefix)
        {
            var body = R(random, Alnum, 30);
            return prefix + body + TokenChecks.ToBase62(TokenChecks.Crc32(Encoding.ASCII.GetBytes(body)), 6);
        }

        private static Sample Token(string token) => new Sample(token, token);

        private static Sample In(string before, string secret, string after) => new Sample(before + secret + after, secret);

        private static string BreakChecksum(string token) => token.Substring(0, token.Length - 1) + (token[token.Length - 1] == 'a' ? 'b' : 'a');

        private static string Uuid(Random random) =>
            R(random, Hex, 8) + "-" + R(random, Hex, 4) + "-" + R(random, Hex, 4) + "-" + R(random, Hex, 4) + "-" + R(random, Hex, 12);

        private static string PemBody(Random random, string newline)
        {
            var body = new StringBuilder();
            for (var line = 0; line < 4; line++)
            {
                body.Append(R(random, Base64, 64)).Append(newline);
            }

            return body.ToString();
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static string Jwt(Random random, string algorithm) =>
            Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}")) + "."
            + Base64Url(Encoding.UTF8.GetBytes("{\"sub\":\"" + R(random, Digits, 10) + "\",\"iat\":1767225600}")) + "."
            + R(random, UrlSafe, 43);
    }
}
