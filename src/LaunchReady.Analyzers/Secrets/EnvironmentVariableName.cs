using System.Text;

namespace LaunchReady.Analyzers.Secrets
{
    /// <summary>Turns a member or key name into the environment variable that conventionally holds it: StripeSecretKey → STRIPE_SECRET_KEY.</summary>
    public static class EnvironmentVariableName
    {
        public static string From(string name)
        {
            var builder = new StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c == ':')
                {
                    builder.Append("__");
                    continue;
                }

                if (!char.IsLetterOrDigit(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                    {
                        builder.Append('_');
                    }

                    continue;
                }

                var wordStart = i > 0 && char.IsUpper(c)
                    && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1])));
                if (wordStart && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            var result = builder.ToString().Trim('_');
            return result.Length == 0 ? "SECRET" : result;
        }
    }
}
