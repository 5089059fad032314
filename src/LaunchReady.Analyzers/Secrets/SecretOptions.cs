using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LaunchReady.Analyzers.Secrets
{
    /// <summary>The <c>.editorconfig</c> options of the secret rules.</summary>
    public static class SecretOptions
    {
        public static readonly IntegerOption MinLength = new IntegerOption(
            "launchready.secrets.min_length",
            GenericSecretOptions.DefaultMinLength,
            "Shortest value reported as a generic credential.",
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret);

        public static readonly NumberOption MinEntropy = new NumberOption(
            "launchready.secrets.min_entropy",
            GenericSecretOptions.DefaultMinEntropy,
            "Least Shannon entropy, in bits per character, of a generic credential. Short values are held to a proportionally lower bar.",
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret);

        public static readonly ListOption SecretWords = new ListOption(
            "launchready.secrets.secret_words",
            "Extra words that make a name secret when the name ends with them (for example `pin, otp`).",
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret);

        public static readonly ListOption NonSecretWords = new ListOption(
            "launchready.secrets.non_secret_words",
            "Extra words that make a name not secret wherever they appear in it (built in: `public`, `publishable`, `pub`).",
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret);

        public static readonly ListOption AllowedFingerprints = new ListOption(
            "launchready.secrets.allowed_fingerprints",
            "Fingerprints (the 8 hex digits shown in a finding) of values accepted after review, for example a key that is public by design.",
            DiagnosticIds.ProviderSecret,
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret);

        public static readonly BooleanOption ReportLocalDevelopmentPasswords = new BooleanOption(
            "launchready.secrets.report_local_development_passwords",
            defaultValue: false,
            "Also report connection strings in appsettings.Development.json and other development files that point at a local database with a trivial password.",
            DiagnosticIds.ConfigFileSecret);
    }

    /// <summary>The secret options in effect for one file, read once per file.</summary>
    internal sealed class SecretSettings
    {
        private readonly ImmutableArray<string> _allowedFingerprints;

        private SecretSettings(SecretNames names, GenericSecretOptions generic, ImmutableArray<string> allowedFingerprints, bool reportLocalDevelopmentPasswords)
        {
            Names = names;
            Generic = generic;
            _allowedFingerprints = allowedFingerprints;
            ReportLocalDevelopmentPasswords = reportLocalDevelopmentPasswords;
        }

        public SecretNames Names { get; }

        public GenericSecretOptions Generic { get; }

        public bool ReportLocalDevelopmentPasswords { get; }

        public bool IsAllowed(RedactedSecret secret) =>
            !_allowedFingerprints.IsEmpty && _allowedFingerprints.Contains(secret.Fingerprint, StringComparer.OrdinalIgnoreCase);

        public static SecretSettings Read(AnalyzerConfigOptions local, AnalyzerConfigOptions global, ConcurrentDictionary<string, SecretNames> nameCache)
        {
            var secretWords = SecretOptions.SecretWords.Read(local, global);
            var nonSecretWords = SecretOptions.NonSecretWords.Read(local, global);
            var names = secretWords.IsEmpty && nonSecretWords.IsEmpty
                ? SecretNames.Default
                : nameCache.GetOrAdd(string.Join(",", secretWords) + "|" + string.Join(",", nonSecretWords), _ => new SecretNames(secretWords, nonSecretWords));

            var minLength = SecretOptions.MinLength.Read(local, global);
            var minEntropy = SecretOptions.MinEntropy.Read(local, global);
            var generic = minLength == GenericSecretOptions.DefaultMinLength && minEntropy == GenericSecretOptions.DefaultMinEntropy
                ? GenericSecretOptions.Default
                : new GenericSecretOptions(minLength, minEntropy);

            return new SecretSettings(
                names,
                generic,
                SecretOptions.AllowedFingerprints.Read(local, global),
                SecretOptions.ReportLocalDevelopmentPasswords.Read(local, global));
        }
    }
}
