namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>A finding of a task: a rule, a file position and a message that never holds a secret value.</summary>
    public sealed class TaskFinding
    {
        public TaskFinding(string ruleId, string file, int line, int column, string message, bool isWarning = false, string? identity = null, string? identityPath = null)
        {
            Identity = identity ?? message;
            IdentityPath = identityPath;
            RuleId = ruleId;
            File = file;
            Line = line;
            Column = column;
            Message = message;
            IsWarning = isWarning;
        }

        public string RuleId { get; }

        public string File { get; }

        /// <summary>1-based; 0 when the finding is about the whole file.</summary>
        public int Line { get; }

        public int Column { get; }

        public string Message { get; }

        public bool IsWarning { get; }

        /// <summary>What makes the finding the same finding after unrelated edits (a secret's fingerprint, a key name); the message by default.</summary>
        public string Identity { get; }

        /// <summary>The path the baseline knows the file by, when it is not the file's own path relative to the project.</summary>
        public string? IdentityPath { get; }

        public override string ToString() => $"{File}({Line},{Column}): {(IsWarning ? "warning" : "error")} {RuleId}: {Message}";
    }
}
