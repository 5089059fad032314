using System.Collections.Immutable;
using System.Threading;
using LaunchReady.Analyzers.Config;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Config
{
    public class DeclaredKeysTests
    {
        private static DeclaredKeys? Read(params AdditionalText[] files) =>
            DeclaredKeys.Create(new AnalyzerOptions(ImmutableArray.Create(files)), CancellationToken.None);

        [Fact]
        public void AnEditedManifest_IsReadAgain()
        {
            // Parsed manifests are kept per text, so every compilation of an unchanged project shares one parse;
            // an edit is a new text and must be seen at once.
            var before = new InMemoryAdditionalText("/app/launchready.env.json", """{ "variables": { "SMTP__HOST": {} } }""");
            var after = new InMemoryAdditionalText("/app/launchready.env.json", """{ "variables": { "SMTP__PORT": {} } }""");

            Assert.True(Read(before)!.IsDeclaredKey("Smtp:Host", isSection: false));
            Assert.True(Read(before)!.IsDeclaredKey("Smtp:Host", isSection: false));
            var edited = Read(after)!;
            Assert.False(edited.IsDeclaredKey("Smtp:Host", isSection: false));
            Assert.True(edited.IsDeclaredKey("Smtp:Port", isSection: false));
        }

        [Fact]
        public void SettingsFiles_AreReadPerText_Too()
        {
            var manifest = new InMemoryAdditionalText("/app/launchready.env.json", """{ "variables": {} }""");
            var withKey = new InMemoryAdditionalText("/app/appsettings.json", """{ "Cache": { "Ttl": 30 } }""");
            var withoutKey = new InMemoryAdditionalText("/app/appsettings.json", """{ "Cache": {} }""");

            Assert.True(Read(manifest, withKey)!.IsDeclaredKey("Cache:Ttl", isSection: false));
            Assert.False(Read(manifest, withoutKey)!.IsDeclaredKey("Cache:Ttl", isSection: false));
        }

        [Fact]
        public void AManifestWithANulCharacter_LeavesTheRuleOff()
        {
            Assert.Null(Read(new InMemoryAdditionalText("/app/launchready.env.json", "{ \"variables\": { \"A\u0000\": {} } }")));
        }
    }
}
