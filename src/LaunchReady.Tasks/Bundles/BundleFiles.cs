using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>A file of a client bundle and the root it was found under (for relative paths and LR1012).</summary>
    public readonly struct BundleFile
    {
        public BundleFile(string path, string relativePath)
        {
            Path = path;
            RelativePath = relativePath;
        }

        public string Path { get; }

        /// <summary>Relative to the bundle root, with '/' separators ("_framework/Shop.wasm").</summary>
        public string RelativePath { get; }
    }

    /// <summary>
    /// Lists the files of the bundle roots without following symbolic links to directories (a link loop
    /// cannot make the walk endless) and without stopping at a directory it cannot read: what it skips,
    /// it says in <c>notes</c>.
    /// </summary>
    public static class BundleFiles
    {
        public static List<BundleFile> Enumerate(IEnumerable<string> roots, IEnumerable<string> files, List<string> notes) =>
            Enumerate(roots, files.Select(f => new BundleFile(f, System.IO.Path.GetFileName(f))), notes);

        /// <summary>Roots are walked; single files keep the relative path they are served under (a static web asset's RelativePath).</summary>
        public static List<BundleFile> Enumerate(IEnumerable<string> roots, IEnumerable<BundleFile> files, List<string> notes)
        {
            var result = new List<BundleFile>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var root in roots)
            {
                var full = Path.GetFullPath(root);
                if (!Directory.Exists(full))
                {
                    continue;
                }

                var pending = new Stack<string>();
                pending.Push(full);
                while (pending.Count > 0)
                {
                    var directory = pending.Pop();
                    try
                    {
                        foreach (var file in Directory.GetFiles(directory))
                        {
                            if (seen.Add(file))
                            {
                                result.Add(new BundleFile(file, Relative(full, file)));
                            }
                        }

                        foreach (var child in Directory.GetDirectories(directory))
                        {
                            if ((File.GetAttributes(child) & FileAttributes.ReparsePoint) != 0)
                            {
                                notes.Add($"{child}: a symbolic link to a directory, not followed");
                                continue;
                            }

                            pending.Push(child);
                        }
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
                    {
                        notes.Add($"{directory}: cannot be listed ({e.GetType().Name})");
                    }
                }
            }

            foreach (var file in files)
            {
                var full = Path.GetFullPath(file.Path);
                if (File.Exists(full) && seen.Add(full))
                {
                    result.Add(new BundleFile(full, file.RelativePath.Replace('\\', '/').TrimStart('/')));
                }
            }

            return result;
        }

        private static string Relative(string root, string file) =>
            file.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');
    }
}
