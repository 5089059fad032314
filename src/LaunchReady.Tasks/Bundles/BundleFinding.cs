using LaunchReady.Detection;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>A finding inside one bundle file, before it is placed (file, line, column) and checked against suppressions.</summary>
    public readonly struct BundleHit
    {
        public BundleHit(string ruleId, long offset, string message, string fingerprint, int line = 0, int column = 0)
        {
            RuleId = ruleId;
            Offset = offset;
            Message = message;
            Fingerprint = fingerprint;
            Line = line;
            Column = column;
        }

        public string RuleId { get; }

        /// <summary>Byte offset in the (decompressed) file; -1 when the finding is about the whole file.</summary>
        public long Offset { get; }

        /// <summary>Never holds a secret: values appear only as <see cref="RedactedSecret"/>.</summary>
        public string Message { get; }

        /// <summary>What a suppression names: the secret's fingerprint, or a fingerprint of the file name for file-level rules.</summary>
        public string Fingerprint { get; }

        /// <summary>1-based position in the file; 0 when the finding has none (a whole file, an assembly).</summary>
        public int Line { get; }

        public int Column { get; }

        public BundleHit At(int line, int column) => new BundleHit(RuleId, Offset, Message, Fingerprint, line, column);
    }
}
