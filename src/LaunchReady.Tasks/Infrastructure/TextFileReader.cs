using System;
using System.IO;
using System.Text;

namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>
    /// Reads a file the tasks must check without trusting it: capped in size, refused when binary or not
    /// UTF-8, and never throwing. The reason a file could not be read is returned for the caller to report.
    /// </summary>
    public static class TextFileReader
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static bool TryRead(string path, long maxBytes, out string text, out string? problem, out int problemLine)
        {
            text = string.Empty;
            problemLine = 0;
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    problem = "the file does not exist";
                    return false;
                }

                if (info.Length > maxBytes)
                {
                    problem = $"the file is {info.Length:N0} bytes, more than the {maxBytes:N0} bytes a text file here may have";
                    return false;
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException || e is NotSupportedException || e is ArgumentException)
            {
                problem = "the file could not be read (" + e.GetType().Name + ")";
                return false;
            }

            return TryDecode(bytes, out text, out problem, out problemLine);
        }

        /// <summary>Decodes UTF-8 (with or without BOM); UTF-16 with a BOM is accepted too, since Windows editors write it.</summary>
        public static bool TryDecode(byte[] bytes, out string text, out string? problem, out int problemLine)
        {
            text = string.Empty;
            problem = null;
            problemLine = 0;
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
                return true;
            }

            var nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0)
            {
                problemLine = LineOf(bytes, nul);
                problem = "the file is binary, not text (it contains NUL bytes)";
                return false;
            }

            try
            {
                var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
                return true;
            }
            catch (DecoderFallbackException e)
            {
                problemLine = e.Index >= 0 ? LineOf(bytes, e.Index) : 1;
                problem = "the file is not UTF-8 text; save it as UTF-8";
                return false;
            }
        }

        private static int LineOf(byte[] bytes, int index)
        {
            var line = 1;
            for (var i = 0; i < index && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
