using System;
using System.Linq;
using System.Text;
using LaunchReady.Detection.Json;
using LaunchReady.Detection.Manifest;
using Xunit;

namespace LaunchReady.Tasks.Tests.Manifest
{
    public class EnvManifestReaderTests
    {
        private const string Valid = """
            {
              "$schema": "https://launchready.dev/schema/env-manifest-v1.json",
              "environments": ["Development", "Staging", "Production"],
              "variables": {
                "ConnectionStrings__Shop": {
                  "description": "Primary PostgreSQL database",
                  "secret": true,
                  "required": ["Staging", "Production"],
                  "owner": "platform"
                },
                "STRIPE_SECRET_KEY": { "description": "Stripe API key", "secret": true, "required": true, "pattern": "^sk_(live|test)_" },
                "PUBLIC_API_BASE_URL": { "client": true, "required": ["Production"], "pattern": "^https://" },
                "LOG_LEVEL": { "default": "Information" }
              }
            }
            """;

        // Line and column of the first occurrence of `marker` in `text`, 1-based.
        private static (int Line, int Column) Where(string text, string marker)
        {
            var position = TextPosition.Of(text, text.IndexOf(marker, StringComparison.Ordinal));
            return (position.Line, position.Column);
        }

        private static (int Line, int Column, string RuleId, string Message)[] ProblemsOf(string text)
        {
            var manifest = EnvManifestReader.Read(text);
            return manifest.Problems.Select(p => (manifest.PositionOf(p.Offset).Line, manifest.PositionOf(p.Offset).Column, p.RuleId, p.Message)).ToArray();
        }

        [Fact]
        public void TheContractExample_ReadsWithoutProblems()
        {
            var manifest = EnvManifestReader.Read(Valid);
            Assert.Empty(manifest.Problems);
            Assert.Equal(new[] { "Development", "Staging", "Production" }, manifest.Environments);
            Assert.Equal(4, manifest.Variables.Count);

            var shop = manifest.Find("ConnectionStrings__Shop")!;
            Assert.True(shop.Secret);
            Assert.Equal("ConnectionStrings:Shop", shop.ConfigurationKey);
            Assert.Equal("platform", shop.Owner);
            Assert.True(shop.IsRequiredIn("production"));
            Assert.False(shop.IsRequiredIn("Development"));

            var stripe = manifest.Find("STRIPE_SECRET_KEY")!;
            Assert.True(stripe.RequiredEverywhere);
            Assert.Equal("^sk_(live|test)_", stripe.Pattern);
            Assert.Equal("Information", manifest.Find("LOG_LEVEL")!.Default);
            Assert.True(manifest.Find("PUBLIC_API_BASE_URL")!.Client);
            Assert.Equal(Where(Valid, "\"STRIPE_SECRET_KEY\""), (manifest.PositionOf(stripe.NameStart).Line, manifest.PositionOf(stripe.NameStart).Column));
        }

        [Fact]
        public void EveryKindOfMistake_IsReportedAtItsOwnSpot()
        {
            var text = """
                {
                  "enviroments": ["Production"],
                  "environments": ["Development", "Production", "production"],
                  "variables": {
                    "STRIPE_SECRET_KEY": { "secret": "true", "required": ["Prod"], "pattern": "^sk_(" },
                    "API_TOKEN": { "secret": true, "client": true, "default": "abc" },
                    "bad-name": {},
                    "stripe_secret_key": {},
                    "LOG_LEVEL": "Information",
                    "SMTP_HOST": { "descripton": "mail relay", "required": 1, "owner": 7 }
                  }
                }
                """;
            var problems = ProblemsOf(text);
            void Expect(string marker, string fragment, int skip = 0)
            {
                var offset = -1;
                for (var i = 0; i <= skip; i++)
                {
                    offset = text.IndexOf(marker, offset + 1, StringComparison.Ordinal);
                }

                var position = TextPosition.Of(text, offset);
                Assert.Contains(problems, p => p.Line == position.Line && p.Column == position.Column && p.RuleId == "LR1001" && p.Message.Contains(fragment, StringComparison.Ordinal));
            }

            Expect("\"enviroments\"", "did you mean 'environments'?");
            Expect("\"production\"", "listed twice");
            Expect("\"true\"", "must be true or false, not a string (remove the quotes)");
            Expect("\"Prod\"", "not one of the manifest's \"environments\" (Development, Production)");
            Expect("\"^sk_(\"", "not a valid .NET regular expression");
            Expect("\"client\"", "both \"secret\" and \"client\"");
            Expect("\"default\"", "\"secret\" and has a \"default\"");
            Expect("\"bad-name\"", "not a valid environment variable name");
            Expect("\"stripe_secret_key\"", "declared twice (first at line 5)");
            Expect("\"Information\"", "must be declared with an object");
            Expect("\"descripton\"", "did you mean 'description'?");
            Expect("1,", "\"required\" of 'SMTP_HOST' must be true, false or an array");
            Expect("7 }", "\"owner\" of the variable 'SMTP_HOST' must be a string, not a number");
            Assert.Equal(13, problems.Length);
        }

        [Theory]
        [InlineData("", 1, 1, "the file is empty")]
        [InlineData("{\n  \"variables\": {\n    \"A\": { \"secret\": true }\n", 4, 1, "unexpected end of file")]
        [InlineData("{\n  \"variables\": {\n    \"A\": { \"secret\": true, }\n  }\n}", 3, 28, "trailing comma")]
        [InlineData("{\n  // a comment\n  \"variables\": {}\n}", 2, 3, "comments are not allowed")]
        [InlineData("{ \"variables\": { 'A': {} } }", 1, 18, "expected a property name in double quotes")]
        [InlineData("{ \"variables\": {} } {", 1, 21, "unexpected text after the end")]
        [InlineData("{ \"variables\": { \"A\": { \"secret\": tru } } }", 1, 35, "unexpected word")]
        [InlineData("[]", 1, 1, "must be a JSON object")]
        [InlineData("{ \"environments\": [] }", 1, 1, "no \"variables\" object")]
        public void SyntaxAndShapeErrors_PointAtTheFirstBadCharacter(string text, int line, int column, string fragment)
        {
            var problem = Assert.Single(ProblemsOf(text));
            Assert.Equal((line, column), (problem.Line, problem.Column));
            Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void PublicPrefixOnASecret_IsLR1004_AndTheListCanBeExtended()
        {
            var text = """
                {
                  "variables": {
                    "VITE_STRIPE_KEY": { "secret": true },
                    "NEXT_PUBLIC_MAPS_KEY": { "client": true },
                    "EXPO_PUBLIC_SENTRY_DSN": {},
                    "MYAPP_PUBLIC_TOKEN": { "secret": true }
                  }
                }
                """;
            var defaults = EnvManifestReader.Read(text);
            var problem = Assert.Single(defaults.Problems);
            Assert.Equal("LR1004", problem.RuleId);
            Assert.Equal(Where(text, "\"VITE_STRIPE_KEY\""), (defaults.PositionOf(problem.Offset).Line, defaults.PositionOf(problem.Offset).Column));

            var extended = EnvManifestReader.Read(text, new[] { "myapp_public_" });
            Assert.Equal(2, extended.Problems.Count(p => p.RuleId == "LR1004"));
        }

        [Fact]
        public void DotEnvExample_IsReadAsAManifest_WithSecretsByName()
        {
            var text = "# Copy to .env\nDATABASE_CONNECTION=\nSTRIPE_SECRET_KEY=sk_test_replace_me\nexport SMTP_HOST=smtp.example.com\nVITE_MAPS_KEY=\nLOG_LEVEL=Information\n9BAD=\n";
            var manifest = EnvManifestReader.ReadDotEnvExample(text);
            Assert.True(manifest.FromDotEnvExample);
            Assert.Equal(new[] { "DATABASE_CONNECTION", "STRIPE_SECRET_KEY", "SMTP_HOST", "VITE_MAPS_KEY", "LOG_LEVEL" }, manifest.Variables.Select(v => v.Name));
            Assert.All(manifest.Variables, v => Assert.True(v.RequiredEverywhere));
            Assert.Equal(new[] { "DATABASE_CONNECTION", "STRIPE_SECRET_KEY" }, manifest.Variables.Where(v => v.Secret).Select(v => v.Name));
            Assert.True(manifest.Find("VITE_MAPS_KEY")!.Client);
            var problem = Assert.Single(manifest.Problems);
            Assert.Equal(7, manifest.PositionOf(problem.Offset).Line);
        }

        [Fact]
        public void HostileInput_NeverThrows()
        {
            var random = new Random(1234);
            var seedBytes = Encoding.UTF8.GetBytes(Valid);
            for (var round = 0; round < 3000; round++)
            {
                string text;
                switch (round % 4)
                {
                    case 0:
                        var bytes = new byte[random.Next(0, 400)];
                        random.NextBytes(bytes);
                        text = Encoding.UTF8.GetString(bytes);
                        break;
                    case 1:
                        text = Valid.Substring(0, random.Next(Valid.Length));
                        break;
                    case 2:
                        var mutated = (byte[])seedBytes.Clone();
                        for (var i = 0; i < 5; i++)
                        {
                            mutated[random.Next(mutated.Length)] = (byte)"{}[]\":,\\\0tfn-1e \u00ff"[random.Next(16)];
                        }

                        text = Encoding.UTF8.GetString(mutated);
                        break;
                    default:
                        text = new string('[', random.Next(1, 5000)) + new string('{', random.Next(0, 100));
                        break;
                }

                var manifest = EnvManifestReader.Read(text);
                foreach (var problem in manifest.Problems)
                {
                    Assert.InRange(problem.Offset, 0, text.Length);
                }

                EnvManifestReader.ReadDotEnvExample(text);
            }
        }

        [Fact]
        public void StrictParser_DecodesEscapes_AndKeepsDuplicateKeys()
        {
            var result = StrictJsonParser.Parse("{ \"a\": \"x\\u0041\\n\", \"a\": [1, -2.5e3, true, null] }");
            Assert.Null(result.Error);
            Assert.Equal(2, result.Root!.Properties.Count);
            Assert.Equal("xA\n", result.Root.Properties[0].Value.Text);
            Assert.Equal(JsonKind.Array, result.Root.Properties[1].Value.Kind);
            Assert.Equal("-2.5e3", result.Root.Properties[1].Value.Items[1].Text);
        }
    }
}
