using System;
using System.Collections.Generic;

namespace LaunchReady.Detection.Manifest
{
    /// <summary>One variable of the env manifest, with the offset of its name in the manifest text.</summary>
    public sealed class EnvVariable
    {
        public EnvVariable(string name, int nameStart)
        {
            Name = name;
            NameStart = nameStart;
        }

        /// <summary>The name as the process sees it ("ConnectionStrings__Shop").</summary>
        public string Name { get; }

        public int NameStart { get; }

        public string? Description { get; set; }

        public bool Secret { get; set; }

        public bool Client { get; set; }

        /// <summary>Required in every environment.</summary>
        public bool RequiredEverywhere { get; set; }

        /// <summary>The environments named by a <c>required</c> array.</summary>
        public List<string> RequiredIn { get; } = new List<string>();

        public string? Pattern { get; set; }

        public int PatternStart { get; set; } = -1;

        public string? Default { get; set; }

        public string? Owner { get; set; }

        /// <summary>The .NET configuration key the variable feeds: <c>__</c> becomes <c>:</c>.</summary>
        public string ConfigurationKey => Name.Replace("__", ":");

        public bool IsRequiredIn(string? environment) =>
            RequiredEverywhere || (environment is not null && RequiredIn.Exists(e => string.Equals(e, environment, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A problem with the manifest itself (LR1001 or LR1004), located by offset in the manifest text.</summary>
    public readonly struct ManifestProblem
    {
        public ManifestProblem(string ruleId, string message, int offset)
        {
            RuleId = ruleId;
            Message = message;
            Offset = offset;
        }

        public string RuleId { get; }

        public string Message { get; }

        public int Offset { get; }
    }

    /// <summary>
    /// What a project declares about its environment: <c>launchready.env.json</c>, or a <c>.env.example</c>
    /// read as one. Problems found while reading it are kept beside what could be read.
    /// </summary>
    public sealed class EnvManifest
    {
        public EnvManifest(string text, bool fromDotEnvExample)
        {
            Text = text;
            FromDotEnvExample = fromDotEnvExample;
        }

        /// <summary>The manifest's text, to turn offsets into lines and columns.</summary>
        public string Text { get; }

        public bool FromDotEnvExample { get; }

        public List<string> Environments { get; } = new List<string>();

        private readonly Dictionary<string, EnvVariable> byName = new Dictionary<string, EnvVariable>(StringComparer.OrdinalIgnoreCase);

        /// <summary>In file order; add through <see cref="Add"/> so <see cref="Find"/> sees them.</summary>
        public List<EnvVariable> Variables { get; } = new List<EnvVariable>();

        public List<ManifestProblem> Problems { get; } = new List<ManifestProblem>();

        /// <summary>The accepted client-bundle findings (a "suppressions" array), read by the bundle scan.</summary>
        public Json.JsonNode? Suppressions { get; set; }

        public EnvVariable? Find(string name) => byName.TryGetValue(name, out var variable) ? variable : null;

        /// <summary>Adds a variable; names are unique without regard to case, and the first declaration stays.</summary>
        public void Add(EnvVariable variable)
        {
            Variables.Add(variable);
            if (!byName.ContainsKey(variable.Name))
            {
                byName[variable.Name] = variable;
            }
        }

        public TextPosition PositionOf(int offset) => TextPosition.Of(Text, offset);
    }
}
