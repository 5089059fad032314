using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>
    /// The longest text a catalog expression can match, read from its source: literals and classes count
    /// one, groups add up, alternations take their longest branch, bounded quantifiers multiply, and
    /// lookarounds, anchors and inline options count nothing. Anything unbounded (<c>*</c>, <c>+</c>,
    /// <c>{n,}</c>, back-references) or not understood gives <see cref="Unbounded"/>. Used to run an
    /// expression only in a window around its anchor instead of over a whole file.
    /// </summary>
    internal static class RegexLength
    {
        public const int Unbounded = int.MaxValue;

        public static int Max(string pattern)
        {
            var position = 0;
            var length = Sequence(pattern, ref position, 0);
            return position == pattern.Length ? length : Unbounded;
        }

        // A sequence of alternatives up to ')' or the end; returns the longest branch.
        private static int Sequence(string p, ref int i, int depth)
        {
            if (depth > 32)
            {
                return Unbounded;
            }

            var best = 0;
            var current = 0;
            while (i < p.Length && p[i] != ')')
            {
                if (p[i] == '|')
                {
                    best = Greater(best, current);
                    current = 0;
                    i++;
                    continue;
                }

                var atom = Atom(p, ref i, depth);
                current = Add(current, Quantify(p, ref i, atom));
            }

            return Greater(best, current);
        }

        private static int Atom(string p, ref int i, int depth)
        {
            var c = p[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= p.Length)
                    {
                        i++;
                        return Unbounded;
                    }

                    var escaped = p[i + 1];
                    i += 2;
                    if (escaped == 'b' || escaped == 'B' || escaped == 'A' || escaped == 'z' || escaped == 'Z' || escaped == 'G')
                    {
                        return 0;
                    }

                    if (escaped == 'k' || (escaped >= '1' && escaped <= '9'))
                    {
                        return Unbounded; // a back-reference repeats an earlier group
                    }

                    if (escaped == 'p' || escaped == 'P')
                    {
                        i = SkipPast(p, i, '}');
                    }
                    else if (escaped == 'x')
                    {
                        i += 2;
                    }
                    else if (escaped == 'u')
                    {
                        i += 4;
                    }

                    return 1;
                case '[':
                    i++;
                    if (i < p.Length && p[i] == '^')
                    {
                        i++;
                    }

                    if (i < p.Length && p[i] == ']')
                    {
                        i++;
                    }

                    while (i < p.Length && p[i] != ']')
                    {
                        i += p[i] == '\\' ? 2 : 1;
                    }

                    i++;
                    return 1;
                case '(':
                    i++;
                    var zeroWidth = false;
                    if (i < p.Length && p[i] == '?')
                    {
                        var next = i + 1 < p.Length ? p[i + 1] : '\0';
                        var third = i + 2 < p.Length ? p[i + 2] : '\0';
                        if (next == '=' || next == '!')
                        {
                            zeroWidth = true;
                            i += 2;
                        }
                        else if (next == '<' && (third == '=' || third == '!'))
                        {
                            zeroWidth = true;
                            i += 3;
                        }
                        else if (next == '<' || next == '\'')
                        {
                            i = SkipPast(p, i + 2, next == '<' ? '>' : '\'');
                        }
                        else if (next == ':')
                        {
                            i += 2;
                        }
                        else
                        {
                            // Inline options: "(?i)" on its own, or "(?i:...)".
                            var optionsEnd = i + 1;
                            while (optionsEnd < p.Length && p[optionsEnd] != ')' && p[optionsEnd] != ':')
                            {
                                optionsEnd++;
                            }

                            if (optionsEnd < p.Length && p[optionsEnd] == ')')
                            {
                                i = optionsEnd + 1;
                                return 0;
                            }

                            i = optionsEnd + 1;
                        }
                    }

                    var inner = Sequence(p, ref i, depth + 1);
                    i++; // ')'
                    return zeroWidth ? 0 : inner;
                case '^':
                case '$':
                    i++;
                    return 0;
                default:
                    i++;
                    return 1;
            }
        }

        private static int Quantify(string p, ref int i, int atom)
        {
            if (i >= p.Length)
            {
                return atom;
            }

            int result;
            switch (p[i])
            {
                case '?':
                    i++;
                    result = atom;
                    break;
                case '*':
                case '+':
                    i++;
                    result = atom == 0 ? 0 : Unbounded;
                    break;
                case '{':
                    var close = p.IndexOf('}', i);
                    if (close < 0)
                    {
                        i++;
                        return Add(atom, 1); // a literal '{'
                    }

                    var body = p.Substring(i + 1, close - i - 1);
                    i = close + 1;
                    var comma = body.IndexOf(',');
                    var upperText = comma < 0 ? body : body.Substring(comma + 1);
                    if (upperText.Length == 0 || !int.TryParse(upperText, out var upper))
                    {
                        result = atom == 0 ? 0 : Unbounded;
                    }
                    else
                    {
                        result = Multiply(atom, upper);
                    }

                    break;
                default:
                    return atom;
            }

            if (i < p.Length && p[i] == '?')
            {
                i++; // lazy
            }

            return result;
        }

        private static int SkipPast(string p, int i, char terminator)
        {
            var end = p.IndexOf(terminator, i);
            return end < 0 ? p.Length : end + 1;
        }

        private static int Add(int a, int b) => a == Unbounded || b == Unbounded || (long)a + b >= Unbounded ? Unbounded : a + b;

        private static int Multiply(int a, int b) => a == Unbounded || (long)a * b >= Unbounded ? Unbounded : a * b;

        private static int Greater(int a, int b) => a > b ? a : b;
            /// <summary>
        /// Whether every match of <paramref name="pattern"/> starts with one of its <paramref name="anchors"/>: true
        /// when, past inline options and lookbehinds, each top-level alternative opens with a literal that
        /// begins with an anchor. Such a pattern can be tried only at the anchors' positions.
        /// </summary>
        public static bool AnchorStartsMatch(string pattern, string[] anchors, bool anchorsIgnoreCase)
        {
            var i = 0;
            var ignoreCase = anchorsIgnoreCase;
            while (i < pattern.Length && pattern[i] == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                var third = i + 2 < pattern.Length ? pattern[i + 2] : '\0';
                var fourth = i + 3 < pattern.Length ? pattern[i + 3] : '\0';
                var isLookaround = third == '=' || third == '!' || (third == '<' && (fourth == '=' || fourth == '!'));
                var close = ClosingParen(pattern, i);
                if (close < 0)
                {
                    return false;
                }

                if (!isLookaround)
                {
                    if (pattern.IndexOf(':', i, close - i) >= 0)
                    {
                        break; // a group such as (?:...) or (?i:...): look inside it below
                    }

                    ignoreCase |= pattern.IndexOf('i', i, close - i) >= 0;
                }

                i = close + 1;
            }

            var alternatives = new List<string>();
            if (i < pattern.Length && pattern[i] == '(')
            {
                var close = ClosingParen(pattern, i);
                if (close < 0)
                {
                    return false;
                }

                var body = i + 1;
                if (pattern[body] == '?')
                {
                    body = pattern.IndexOf(pattern[body + 1] == '<' ? '>' : ':', body) + 1;
                }

                alternatives.AddRange(TopLevelAlternatives(pattern, body, close));
            }
            else
            {
                alternatives.Add(pattern.Substring(i));
            }

            var comparison = ignoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal;
            foreach (var alternative in alternatives)
            {
                var literal = LeadingLiteral(alternative);
                var startsWithAnchor = false;
                foreach (var anchor in anchors)
                {
                    startsWithAnchor |= literal.Length >= anchor.Length && literal.StartsWith(anchor, comparison);
                }

                if (!startsWithAnchor)
                {
                    return false;
                }
            }

            return alternatives.Count > 0;
        }

        private static int ClosingParen(string p, int open)
        {
            var depth = 0;
            for (var i = open; i < p.Length; i++)
            {
                switch (p[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        while (i + 1 < p.Length && p[i + 1] != ']')
                        {
                            i += p[i + 1] == '\\' ? 2 : 1;
                        }

                        i++;
                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        if (--depth == 0)
                        {
                            return i;
                        }

                        break;
                }
            }

            return -1;
        }

        private static List<string> TopLevelAlternatives(string p, int start, int end)
        {
            var parts = new List<string>();
            var depth = 0;
            var partStart = start;
            for (var i = start; i < end; i++)
            {
                switch (p[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                    case '|' when depth == 0:
                        parts.Add(p.Substring(partStart, i - partStart));
                        partStart = i + 1;
                        break;
                }
            }

            parts.Add(p.Substring(partStart, end - partStart));
            return parts;
        }

        // The fixed text an alternative opens with ("mongodb" for "mongodb(\\+srv)?"); a character made optional by a quantifier is not part of it.
        private static string LeadingLiteral(string alternative)
        {
            var literal = new System.Text.StringBuilder();
            for (var i = 0; i < alternative.Length; i++)
            {
                var c = alternative[i];
                if (c == '\\' && i + 1 < alternative.Length && !char.IsLetterOrDigit(alternative[i + 1]))
                {
                    literal.Append(alternative[++i]);
                }
                else if (char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '/' || c == '=' || c == '~' || c == '"' || c == '\'' || c == ',' || c == ' ')
                {
                    literal.Append(c);
                }
                else
                {
                    if ((c == '?' || c == '*' || c == '{') && literal.Length > 0)
                    {
                        literal.Length--;
                    }

                    break;
                }
            }

            return literal.ToString();
        }
    }
}
