using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>
    /// Answers "would git leave this file out of the repository?" from the .gitignore files between the
    /// file and the repository root, so a developer's untracked <c>.env</c> is not reported as committed.
    /// Covers the patterns people write for config files (globs, <c>**</c>, anchors, directory patterns,
    /// negation); it does not read git's index or global excludes.
    /// </summary>
    public sealed class GitIgnore
    {
        private readonly Dictionary<string, List<Rule>> rulesByDirectory = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);

        public bool IsIgnored(string filePath)
        {
            var full = Path.GetFullPath(filePath);
            var directories = new List<string>();
            for (var directory = Path.GetDirectoryName(full); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                directories.Add(directory!);
                if (Directory.Exists(Path.Combine(directory!, ".git")) || File.Exists(Path.Combine(directory!, ".git")))
                {
                    break;
                }
            }

            // Outer files first: a deeper .gitignore overrides what an outer one said.
            var ignored = false;
            for (var i = directories.Count - 1; i >= 0; i--)
            {
                var relative = full.Substring(directories[i].Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');
                foreach (var rule in RulesOf(directories[i]))
                {
                    if (rule.Matches(relative))
                    {
                        ignored = !rule.Negated;
                    }
                }
            }

            return ignored;
        }

        private List<Rule> RulesOf(string directory)
        {
            if (rulesByDirectory.TryGetValue(directory, out var rules))
            {
                return rules;
            }

            rules = new List<Rule>();
            var path = Path.Combine(directory, ".gitignore");
            if (TextFileReader.TryRead(path, 1024 * 1024, out var text, out _, out _))
            {
                foreach (var raw in text.Split('\n'))
                {
                    var rule = Rule.Parse(raw.TrimEnd('\r'));
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }

            rulesByDirectory[directory] = rules;
            return rules;
        }

        private sealed class Rule
        {
            private readonly Regex regex;

            private Rule(Regex regex, bool negated)
            {
                this.regex = regex;
                Negated = negated;
            }

            public bool Negated { get; }

            public static Rule? Parse(string line)
            {
                var pattern = line.TrimEnd(' ');
                if (pattern.Length == 0 || pattern[0] == '#')
                {
                    return null;
                }

                var negated = pattern[0] == '!';
                if (negated)
                {
                    pattern = pattern.Substring(1);
                }

                var directoryOnly = pattern.EndsWith("/", StringComparison.Ordinal);
                pattern = pattern.TrimEnd('/');
                var anchored = pattern.IndexOf('/') >= 0;
                pattern = pattern.TrimStart('/');
                if (pattern.Length == 0)
                {
                    return null;
                }

                var body = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
                for (var i = 0; i < pattern.Length; i++)
                {
                    var c = pattern[i];
                    if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                        body.Append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    }
                    else if (c == '*')
                    {
                        body.Append("[^/]*");
                    }
                    else if (c == '?')
                    {
                        body.Append("[^/]");
                    }
                    else if (c == '\\' && i + 1 < pattern.Length)
                    {
                        body.Append(Regex.Escape(pattern[++i].ToString()));
                    }
                    else
                    {
                        body.Append(Regex.Escape(c.ToString()));
                    }
                }

                // A pattern naming a directory also covers everything below it; a file pattern may match either.
                body.Append(directoryOnly ? "/.*$" : "(?:/.*)?$");
                try
                {
                    return new Rule(new Regex(body.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)), negated);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            public bool Matches(string relativePath)
            {
                try
                {
                    return regex.IsMatch(relativePath);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
            }
        }
    }
}
