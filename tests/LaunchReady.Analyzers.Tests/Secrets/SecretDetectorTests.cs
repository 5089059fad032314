using System;
using System.Collections.Generic;
using System.Linq;
using LaunchReady.Detection;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    public class SecretDetectorTests
    {
        public static IEnumerable<object[]> FormatNames() => SecretDetector.FormatNames.Select(name => new object[] { name });

        [Fact]
        public void Catalog_HasAtLeastFiftyFormats_EachWithAGenerator()
        {
            Assert.True(SecretDetector.FormatCount >= 50, $"{SecretDetector.FormatCount} formats");
            Assert.Equal(SecretDetector.FormatNames.OrderBy(n => n), FakeTokens.Formats.Keys.OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(FormatNames))]
        public void FreshToken_IsFoundWithItsExactSpan(string format)
        {
            for (var seed = 0; seed < 20; seed++)
            {
                var sample = FakeTokens.Formats[format].Positive(new Random(seed * 7919 + format.Length));
                var text = "config = \"" + sample.Text + "\";";
                var findings = SecretDetector.Scan(text) ?? new List<SecretFinding>();
                var expectedStart = text.IndexOf(sample.Secret, StringComparison.Ordinal);

                var finding = findings.SingleOrDefault(f => f.RuleName == format);
                Assert.True(finding is not null, $"{format}: no finding for {RedactedSecret.Of(sample.Secret)} (seed {seed}); found [{string.Join(", ", findings.Select(f => f.RuleName))}]");
                Assert.Equal((expectedStart, sample.Secret.Length), (finding!.Start, finding.Length));
                Assert.Equal(RedactedSecret.Of(sample.Secret).Fingerprint, finding.Redacted.Fingerprint);
            }
        }

        [Theory]
        [MemberData(nameof(FormatNames))]
        public void BufferScan_FindsWhatTheStringScanFinds_InsideMinifiedCode(string format)
        {
            // The bundle scanner's path: anchors on bytes, expressions only at or around them.
            for (var seed = 0; seed < 20; seed++)
            {
                var sample = FakeTokens.Formats[format].Positive(new Random(seed * 7919 + format.Length));
                var filler = string.Concat(Enumerable.Repeat("function(e,t){return e.path.map(n=>n*t)};", 50 + seed));
                var text = filler + "config = \"" + sample.Text + "\";" + filler;
                var bytes = System.Text.Encoding.ASCII.GetBytes(text);
                var expected = (SecretDetector.Scan(text) ?? new List<SecretFinding>()).Select(f => (f.RuleName, f.Start, f.Length));
                var actual = (SecretDetector.ScanBuffer(bytes, bytes.Length) ?? new List<SecretFinding>()).Select(f => (f.RuleName, f.Start, f.Length));
                Assert.Equal(expected, actual);
                Assert.Contains(actual, f => f.RuleName == format);
            }
        }

        [Theory]
        [MemberData(nameof(FormatNames))]
        public void NearMiss_IsNotReportedAsThatFormat(string format)
        {
            for (var seed = 0; seed < 20; seed++)
            {
                var text = FakeTokens.Formats[format].NearMiss(new Random(seed * 104729 + format.Length));
                var findings = SecretDetector.Scan("value = \"" + text + "\"") ?? new List<SecretFinding>();
                Assert.True(findings.All(f => f.RuleName != format), $"{format}: near-miss {RedactedSecret.Of(text)} was reported (seed {seed})");
            }
        }

        [Theory]
        [InlineData("Hello, world")]
        [InlineData("/api/orders/{id}")]
        [InlineData("SELECT * FROM Orders WHERE Id = @id")]
        [InlineData("application/json")]
        [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
        [InlineData("https://api.stripe.com/v1/charges")]
        [InlineData("Bearer")]
        [InlineData("X-Api-Key")]
        [InlineData("sk_test_4eC39HqLyjWDarjtT1zdp7dc")]
        [InlineData("pk_live_51H8exampleexampleexample")]
        [InlineData("AKIAIOSFODNN7EXAMPLE")]
        [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")]
        [InlineData("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
        [InlineData("AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
        [InlineData("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----")]
        [InlineData("Server=tcp:shop.database.windows.net;Database=Shop;Authentication=Active Directory Default")]
        [InlineData("postgres://app:${DB_PASSWORD}@db:5432/shop")]
        [InlineData("The OData query ODATA MTU settings Nj Nz")]
        [InlineData("key-value pairs and monkey-patching")]
        [InlineData("patient pattern path")]
        public void EverydayStrings_AreNotSecrets(string text)
        {
            Assert.Null(SecretDetector.Scan(text));
        }

        [Theory]
        [InlineData("Hello, world")]
        [InlineData("Information")]
        [InlineData("/api/orders/{id}")]
        [InlineData("SELECT * FROM Orders")]
        public void PrefilterRejectsPlainText(string text)
        {
            Assert.False(SecretDetector.HasHint(text));
        }

        [Theory]
        [InlineData("Password", true)]
        [InlineData("PGPASSWORD", true)]
        [InlineData("DB_PASS", true)]
        [InlineData("Pwd", true)]
        [InlineData("Stripe__SecretKey", true)]
        [InlineData("Jwt:Key", true)]
        [InlineData("clientSecret", true)]
        [InlineData("GITHUB_TOKEN", true)]
        [InlineData("signingKeyPem", true)]
        [InlineData("Authorization", true)]
        [InlineData("apiKeyValue", true)]
        [InlineData("ApiKeys:0", true)]
        [InlineData("Hosts:0", false)]
        [InlineData("passwordQuestion", false)]
        [InlineData("tokenEndpoint", false)]
        [InlineData("apiKeyHeaderName", false)]
        [InlineData("StripePublishableKey", false)]
        [InlineData("Key", false)]
        [InlineData("monkey", false)]
        [InlineData("userName", false)]
        [InlineData("", false)]
        public void SecretNames_AreTheNamesAboutASecret(string name, bool secret)
        {
            Assert.Equal(secret, SecretNames.Default.IsSecretName(name));
        }

        [Fact]
        public void Prefilter_FindsEveryAnchor_WhereverItStands()
        {
            // At the start, in the middle and at the end of a text, before non-ASCII text, and in another case when the
            // anchor ignores case: the three-character prefilter must let each through to its pattern.
            var index = new AnchorIndex(ProviderCatalog.All);
            for (var pattern = 0; pattern < ProviderCatalog.All.Count; pattern++)
            {
                foreach (var anchor in ProviderCatalog.All[pattern].Anchors)
                {
                    var spellings = ProviderCatalog.All[pattern].AnchorsIgnoreCase
                        ? new[] { anchor, anchor.ToUpperInvariant(), anchor.ToLowerInvariant() }
                        : new[] { anchor };
                    foreach (var spelling in spellings)
                    {
                        foreach (var text in new[] { spelling, "x " + spelling + " y", "prefix " + spelling, spelling + "\u00e9\u4e2d", "\u4e2d" + spelling })
                        {
                            Assert.True(index.Find(text)?[pattern] == true, $"pattern {ProviderCatalog.All[pattern].Name}, anchor '{anchor}' in '{text}'");
                        }
                    }
                }
            }
        }

        [Fact]
        public void Prefilter_AgreesWithAPlainSearch_OnRandomText()
        {
            // Text drawn from anchor fragments, letters and non-ASCII characters: the fast search and a naive one agree on every pattern.
            var random = new Random(7);
            var index = new AnchorIndex(ProviderCatalog.All);
            var fragments = ProviderCatalog.All.SelectMany(p => p.Anchors).SelectMany(a => new[] { a, a.Substring(0, Math.Min(2, a.Length)), a.Substring(1) }).ToArray();
            for (var round = 0; round < 2000; round++)
            {
                var builder = new System.Text.StringBuilder();
                for (var part = random.Next(1, 6); part > 0; part--)
                {
                    builder.Append(random.Next(4) switch
                    {
                        0 => fragments[random.Next(fragments.Length)],
                        1 => (char)random.Next(0x20, 0x7f),
                        2 => (char)random.Next(0x100, 0x3000),
                        _ => fragments[random.Next(fragments.Length)].ToUpperInvariant(),
                    });
                }

                var text = builder.ToString();
                var hits = index.Find(text);
                for (var pattern = 0; pattern < ProviderCatalog.All.Count; pattern++)
                {
                    var comparison = ProviderCatalog.All[pattern].AnchorsIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    var expected = ProviderCatalog.All[pattern].Anchors.Any(a => text.IndexOf(a, comparison) >= 0);
                    Assert.True(expected == (hits?[pattern] == true), $"pattern {ProviderCatalog.All[pattern].Name} in '{text}'");
                }
            }
        }

        [Fact]
        public void Findings_AreInTextOrder_AndSpecificFormatsWinOverlaps()
        {
            var random = new Random(42);
            var key = FakeTokens.Formats["gcp-service-account-key"].Positive(random);
            var stripe = FakeTokens.Formats["stripe-live-key"].Positive(random);
            var findings = SecretDetector.Scan(stripe.Text + " " + key.Text)!;
            Assert.Equal(new[] { "stripe-live-key", "gcp-service-account-key" }, findings.Select(f => f.RuleName));
        }

        [Fact]
        public void HugeAndHostileInputs_AreScannedWithoutThrowing()
        {
            var random = new Random(1);
            var inputs = new[]
            {
                new string('A', 1_000_000),
                string.Concat(Enumerable.Repeat("eyJ.", 100_000)),
                string.Concat(Enumerable.Repeat("sk_live_", 50_000)),
                "-----BEGIN PRIVATE KEY-----" + new string('a', 500_000),
                string.Concat(Enumerable.Repeat("postgres://a:", 20_000)),
                "\u0000\uFFFF\uD800 AKIA",
                FakeTokens.R(random, FakeTokens.Base64 + " .:=_-\n", 2_000_000),
            };

            foreach (var input in inputs)
            {
                _ = SecretDetector.Scan(input);
            }
        }

        [Fact]
        public void Redaction_ShowsAtMostFourCharacters()
        {
            var redacted = RedactedSecret.Of("sk_live_" + new string('k', 40));
            Assert.Equal("sk_l", redacted.Prefix);
            Assert.Equal(48, redacted.Length);
            Assert.Matches("^[0-9a-f]{8}$", redacted.Fingerprint);
            Assert.Equal("sk_l… (48 chars, fingerprint " + redacted.Fingerprint + ")", redacted.ToString());
            Assert.Equal("ab", RedactedSecret.Of("abcdefghij").Prefix);
        }

        [Theory]
        [InlineData("", 0.0)]
        [InlineData("aaaaaaaa", 0.0)]
        [InlineData("abababab", 1.0)]
        [InlineData("abcdabcd", 2.0)]
        [InlineData("abcdefgh", 3.0)]
        [InlineData("ééàà", 1.0)]
        [InlineData("aé", 1.0)]
        public void Entropy_IsShannonBitsPerCharacter_ForAsciiAndOtherCharacters(string value, double expected)
        {
            Assert.Equal(expected, Entropy.BitsPerCharacter(value), 6);

            // Counters are reused between calls; a second call must not see the first one's characters.
            Assert.Equal(expected, Entropy.BitsPerCharacter(value), 6);
        }

        [Theory]
        [InlineData("yyyy-MM-dd'T'HH:mm:ss.fffK")]
        [InlineData("dd/MM/yyyy HH:mm")]
        [InlineData("HH:mm:ss.ffffff")]
        [InlineData("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ")]
        [InlineData("/9j/4AAQSkZJRgABAQEASABIAAD")]
        [InlineData("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg")]
        [InlineData("Partners:Api2:TimeoutSeconds")]
        [InlineData("Services:B7x9:ConnectionTimeout")]
        public void DateFormatsEmbeddedFilesAndConfigurationKeys_AreNotCredentialLike(string value)
        {
            Assert.False(GenericSecrets.IsCredentialLike(value, GenericSecretOptions.Default));
        }

        [Theory]
        [InlineData("q7Lm2Vx9Rt4Kp8Wz")]
        [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
        [InlineData("hT9yMdKz2sQw7pLx")]
        [InlineData("k9:ZbXnRvTpLmQsWdHf")]
        public void RandomLookingValues_AreCredentialLike(string value)
        {
            Assert.True(GenericSecrets.IsCredentialLike(value, GenericSecretOptions.Default));
            Assert.NotNull(GenericSecrets.EvaluateValue(value, GenericSecretOptions.Default));
        }
    }
}
