using System;
using System.Collections.Generic;
using System.Text;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>A string literal of an assembly (its #US heap) and, when the IL says so, the method that loads it.</summary>
    public readonly struct AssemblyString
    {
        public AssemblyString(string value, string? method)
        {
            Value = value;
            Method = method;
        }

        public string Value { get; }

        /// <summary>"Namespace.Type.Method", or null when no method body loads the string.</summary>
        public string? Method { get; }
    }

    /// <summary>
    /// Reads the string literals compiled into a .NET assembly: a PE file (.dll) or a Webcil image, the
    /// format Blazor WebAssembly publishes (.wasm, with the Webcil payload inside a WebAssembly module
    /// since .NET 8). Parsed by hand from the ECMA-335 layout, so the task needs no metadata library; any
    /// malformed input yields no strings rather than an exception.
    /// </summary>
    public static class AssemblyStrings
    {
        private static readonly byte[] WebcilMagic = Encoding.ASCII.GetBytes("WbIL");

        public static List<AssemblyString> Read(byte[] image)
        {
            try
            {
                var sections = Sections(image);
                if (sections is null)
                {
                    return new List<AssemblyString>();
                }

                var metadata = Metadata(image, sections.Value.Sections, sections.Value.CliHeaderRva);
                return metadata is null ? new List<AssemblyString>() : ReadStrings(image, sections.Value.Sections, metadata.Value);
            }
            catch (Exception e) when (e is IndexOutOfRangeException || e is ArgumentException || e is OverflowException)
            {
                return new List<AssemblyString>();
            }
        }

        private readonly struct Section
        {
            public Section(long virtualAddress, long virtualSize, long rawPointer, long rawSize)
            {
                VirtualAddress = virtualAddress;
                VirtualSize = virtualSize;
                RawPointer = rawPointer;
                RawSize = rawSize;
            }

            public long VirtualAddress { get; }

            public long VirtualSize { get; }

            public long RawPointer { get; }

            public long RawSize { get; }
        }

        private readonly struct MetadataStreams
        {
            public MetadataStreams(int tables, int tablesSize, int strings, int stringsSize, int userStrings, int userStringsSize)
            {
                Tables = tables;
                TablesSize = tablesSize;
                Strings = strings;
                StringsSize = stringsSize;
                UserStrings = userStrings;
                UserStringsSize = userStringsSize;
            }

            public int Tables { get; }

            public int TablesSize { get; }

            public int Strings { get; }

            public int StringsSize { get; }

            public int UserStrings { get; }

            public int UserStringsSize { get; }
        }

        // The section table and the CLI header's RVA, from a PE or a Webcil image.
        private static (List<Section> Sections, long CliHeaderRva)? Sections(byte[] image)
        {
            if (image.Length > 0x40 && image[0] == (byte)'M' && image[1] == (byte)'Z')
            {
                var pe = ReadInt32(image, 0x3C);
                if (pe <= 0 || pe + 24 > image.Length || ReadInt32(image, pe) != 0x00004550)
                {
                    return null;
                }

                var sectionCount = ReadUInt16(image, pe + 6);
                var optionalSize = ReadUInt16(image, pe + 20);
                var optional = pe + 24;
                var magic = ReadUInt16(image, optional);
                var directories = optional + (magic == 0x20B ? 112 : 96);
                var cliRva = ReadInt32(image, directories + (14 * 8));
                var sections = new List<Section>();
                for (var i = 0; i < sectionCount; i++)
                {
                    var header = optional + optionalSize + (i * 40);
                    sections.Add(new Section(ReadInt32(image, header + 12), ReadInt32(image, header + 8), ReadInt32(image, header + 20), ReadInt32(image, header + 16)));
                }

                return (sections, cliRva);
            }

            // Webcil: on its own (.NET 7) or as a data segment of a WebAssembly module (.NET 8 and later).
            var start = ByteSearch.IndexOf(image, image.Length, WebcilMagic, 0);
            if (start < 0 || start + 28 > image.Length)
            {
                return null;
            }

            var count = ReadUInt16(image, start + 8);
            var cli = ReadInt32(image, start + 12);
            var webcilSections = new List<Section>();
            for (var i = 0; i < count; i++)
            {
                var header = start + 28 + (i * 16);
                webcilSections.Add(new Section(ReadInt32(image, header + 4), ReadInt32(image, header), start + (long)ReadInt32(image, header + 12), ReadInt32(image, header + 8)));
            }

            return (webcilSections, cli);
        }

        private static MetadataStreams? Metadata(byte[] image, List<Section> sections, long cliHeaderRva)
        {
            var cli = Offset(sections, cliHeaderRva);
            if (cli < 0)
            {
                return null;
            }

            var root = Offset(sections, ReadInt32(image, (int)cli + 8));
            if (root < 0 || ReadInt32(image, (int)root) != 0x424A5342)
            {
                return null;
            }

            var versionLength = ReadInt32(image, (int)root + 12);
            var streams = (int)root + 16 + versionLength + 2;
            var streamCount = ReadUInt16(image, streams);
            var position = streams + 2;
            int tables = -1, tablesSize = 0, strings = -1, stringsSize = 0, userStrings = -1, userStringsSize = 0;
            for (var i = 0; i < streamCount; i++)
            {
                var offset = (int)root + ReadInt32(image, position);
                var size = ReadInt32(image, position + 4);
                var nameStart = position + 8;
                var nameEnd = Array.IndexOf(image, (byte)0, nameStart, Math.Min(32, image.Length - nameStart));
                if (nameEnd < 0)
                {
                    return null;
                }

                var name = Encoding.ASCII.GetString(image, nameStart, nameEnd - nameStart);
                switch (name)
                {
                    case "#~":
                    case "#-":
                        tables = offset;
                        tablesSize = size;
                        break;
                    case "#Strings":
                        strings = offset;
                        stringsSize = size;
                        break;
                    case "#US":
                        userStrings = offset;
                        userStringsSize = size;
                        break;
                }

                position = (nameEnd + 4) & ~3;
            }

            return userStrings < 0 ? (MetadataStreams?)null : new MetadataStreams(tables, tablesSize, strings, stringsSize, userStrings, userStringsSize);
        }

        private static List<AssemblyString> ReadStrings(byte[] image, List<Section> sections, MetadataStreams streams)
        {
            var loaders = MethodsLoadingStrings(image, sections, streams);
            var result = new List<AssemblyString>();
            var end = Math.Min(image.Length, streams.UserStrings + streams.UserStringsSize);
            var position = streams.UserStrings + 1; // offset 0 holds the empty blob
            while (position < end)
            {
                var heapOffset = position - streams.UserStrings;
                var length = ReadCompressed(image, ref position);
                if (length < 0 || position + length > end)
                {
                    break;
                }

                // UTF-16 characters plus one trailing flag byte.
                if (length > 1)
                {
                    var value = Encoding.Unicode.GetString(image, position, length - 1);
                    loaders.TryGetValue(heapOffset, out var method);
                    result.Add(new AssemblyString(value, method));
                }

                position += length;
            }

            return result;
        }

        // #US heap offset -> "Namespace.Type.Method" for every ldstr in every method body.
        private static Dictionary<int, string> MethodsLoadingStrings(byte[] image, List<Section> sections, MetadataStreams streams)
        {
            var loaders = new Dictionary<int, string>();
            if (streams.Tables < 0 || streams.Strings < 0)
            {
                return loaders;
            }

            var t = streams.Tables;
            var heapSizes = image[t + 6];
            var valid = ReadUInt64(image, t + 8);
            var rows = new int[64];
            var position = t + 24;
            for (var table = 0; table < 64; table++)
            {
                if ((valid & (1UL << table)) != 0)
                {
                    rows[table] = ReadInt32(image, position);
                    position += 4;
                }
            }

            // Indirection tables only appear in edit-and-continue images; mapping through them is not worth it.
            if (rows[0x03] != 0 || rows[0x05] != 0 || rows[0x07] != 0)
            {
                return loaders;
            }

            var layout = new TableLayout(rows, heapSizes);
            var typeDefs = position + layout.OffsetOf(0x02);
            var methods = position + layout.OffsetOf(0x06);
            var typeDefRow = layout.RowSize(0x02);
            var methodRow = layout.RowSize(0x06);
            var stringIndex = layout.StringIndex;
            var extendsSize = layout.Coded(TableLayout.TypeDefOrRef);

            var typeNames = new string[rows[0x02]];
            var methodListStarts = new int[rows[0x02]];
            for (var i = 0; i < rows[0x02]; i++)
            {
                var row = typeDefs + (i * typeDefRow);
                var name = HeapString(image, streams, ReadIndex(image, row + 4, stringIndex));
                var ns = HeapString(image, streams, ReadIndex(image, row + 4 + stringIndex, stringIndex));
                typeNames[i] = ns.Length == 0 ? name : ns + "." + name;
                methodListStarts[i] = ReadIndex(image, row + 4 + (2 * stringIndex) + extendsSize + layout.Simple(0x04), layout.Simple(0x06));
            }

            // Nested types (async state machines, lambdas' closures) are named after their enclosing type.
            var nested = position + layout.OffsetOf(0x29);
            var typeIndex = layout.Simple(0x02);
            var enclosing = new Dictionary<int, int>();
            for (var i = 0; i < rows[0x29]; i++)
            {
                var row = nested + (i * 2 * typeIndex);
                enclosing[ReadIndex(image, row, typeIndex) - 1] = ReadIndex(image, row + typeIndex, typeIndex) - 1;
            }

            var fullNames = new string[typeNames.Length];
            for (var i = 0; i < typeNames.Length; i++)
            {
                var name = typeNames[i];
                for (int inner = i, depth = 0; enclosing.TryGetValue(inner, out var parent) && parent >= 0 && parent < typeNames.Length && depth < 16; inner = parent, depth++)
                {
                    name = typeNames[parent] + "." + name;
                }

                fullNames[i] = name;
            }

            typeNames = fullNames;

            var owner = 0;
            for (var m = 1; m <= rows[0x06]; m++)
            {
                while (owner + 1 < methodListStarts.Length && methodListStarts[owner + 1] <= m)
                {
                    owner++;
                }

                var row = methods + ((m - 1) * methodRow);
                var rva = ReadInt32(image, row);
                if (rva == 0)
                {
                    continue;
                }

                var name = HeapString(image, streams, ReadIndex(image, row + 8, stringIndex));
                var method = Readable(typeNames.Length > 0 ? typeNames[owner] : string.Empty, name);
                var body = Offset(sections, rva);
                if (body >= 0)
                {
                    foreach (var offset in LoadedStrings(image, (int)body))
                    {
                        if (!loaders.ContainsKey(offset))
                        {
                            loaders[offset] = method;
                        }
                    }
                }
            }

            return loaders;
        }

        // "Checkout.<PayAsync>d__3.MoveNext" reads better as "Checkout.PayAsync (async or iterator)".
        private static string Readable(string type, string method)
        {
            var open = type.LastIndexOf('<');
            var close = open < 0 ? -1 : type.IndexOf('>', open);
            if (close > open + 1 && method == "MoveNext")
            {
                var outer = type.Substring(0, open).TrimEnd('.');
                return (outer.Length == 0 ? string.Empty : outer + ".") + type.Substring(open + 1, close - open - 1) + " (async or iterator)";
            }

            return type.Length == 0 ? method : type + "." + method;
        }

        // #US offsets of the ldstr instructions in a method body, decoding the IL so operands are never read as opcodes.
        private static IEnumerable<int> LoadedStrings(byte[] image, int body)
        {
            int codeStart;
            int codeSize;
            if ((image[body] & 3) == 2)
            {
                codeStart = body + 1;
                codeSize = image[body] >> 2;
            }
            else if ((image[body] & 3) == 3)
            {
                codeStart = body + ((ReadUInt16(image, body) >> 12) * 4);
                codeSize = ReadInt32(image, body + 4);
            }
            else
            {
                yield break;
            }

            var end = Math.Min(image.Length, (long)codeStart + codeSize);
            var i = codeStart;
            while (i < end)
            {
                var opcode = image[i++];
                if (opcode == 0x72 && i + 4 <= end)
                {
                    var token = ReadInt32(image, i);
                    if ((token >> 24) == 0x70)
                    {
                        yield return token & 0xFFFFFF;
                    }
                }

                if (opcode == 0xFE)
                {
                    i += i < end ? TwoByteOperandSize(image[i++]) : 0;
                }
                else if (opcode == 0x45)
                {
                    var count = i + 4 <= end ? ReadInt32(image, i) : 0;
                    i += 4 + (count is >= 0 and < 0x1000000 ? count * 4 : (int)(end - i));
                }
                else
                {
                    i += OperandSize(opcode);
                }
            }
        }

        private static int OperandSize(byte opcode)
        {
            if ((opcode >= 0x0E && opcode <= 0x13) || opcode == 0x1F || (opcode >= 0x2B && opcode <= 0x37) || opcode == 0xDE)
            {
                return 1;
            }

            if (opcode == 0x21 || opcode == 0x23)
            {
                return 8;
            }

            if (opcode == 0x20 || opcode == 0x22 || (opcode >= 0x27 && opcode <= 0x29) || (opcode >= 0x38 && opcode <= 0x44)
                || (opcode >= 0x6F && opcode <= 0x75) || opcode == 0x79 || (opcode >= 0x7B && opcode <= 0x81) || opcode == 0x8C
                || opcode == 0x8D || opcode == 0x8F || (opcode >= 0xA3 && opcode <= 0xA5) || opcode == 0xC2 || opcode == 0xC6
                || opcode == 0xD0 || opcode == 0xDD)
            {
                return 4;
            }

            return 0;
        }

        private static int TwoByteOperandSize(byte opcode) => opcode switch
        {
            0x06 or 0x07 or 0x15 or 0x16 or 0x1C => 4,
            >= 0x09 and <= 0x0E => 2,
            0x12 or 0x19 => 1,
            _ => 0,
        };

        private static string HeapString(byte[] image, MetadataStreams streams, int index)
        {
            var start = streams.Strings + index;
            if (index < 0 || index >= streams.StringsSize || start >= image.Length)
            {
                return string.Empty;
            }

            var end = Array.IndexOf(image, (byte)0, start, Math.Min(1024, image.Length - start));
            return end < 0 ? string.Empty : Encoding.UTF8.GetString(image, start, end - start);
        }

        private static long Offset(List<Section> sections, long rva)
        {
            foreach (var section in sections)
            {
                var size = Math.Max(section.VirtualSize, section.RawSize);
                if (rva >= section.VirtualAddress && rva < section.VirtualAddress + size)
                {
                    return rva - section.VirtualAddress + section.RawPointer;
                }
            }

            return -1;
        }

        private static int ReadCompressed(byte[] image, ref int position)
        {
            var first = image[position];
            if ((first & 0x80) == 0)
            {
                position += 1;
                return first;
            }

            if ((first & 0xC0) == 0x80)
            {
                var value = ((first & 0x3F) << 8) | image[position + 1];
                position += 2;
                return value;
            }

            if ((first & 0xE0) == 0xC0)
            {
                var value = ((first & 0x1F) << 24) | (image[position + 1] << 16) | (image[position + 2] << 8) | image[position + 3];
                position += 4;
                return value;
            }

            return -1;
        }

        private static int ReadIndex(byte[] image, int position, int size) => size == 2 ? ReadUInt16(image, position) : ReadInt32(image, position);

        private static int ReadUInt16(byte[] image, int position) => image[position] | (image[position + 1] << 8);

        private static int ReadInt32(byte[] image, int position) => BitConverter.ToInt32(image, position);

        private static ulong ReadUInt64(byte[] image, int position) => BitConverter.ToUInt64(image, position);
    }

    /// <summary>Row sizes and offsets of the ECMA-335 metadata tables, which depend on row counts and heap sizes.</summary>
    internal sealed class TableLayout
    {
        // Coded index kinds: tag bits and the tables they can point into.
        public static readonly (int Bits, int[] Tables) TypeDefOrRef = (2, new[] { 0x02, 0x01, 0x1B });
        private static readonly (int Bits, int[] Tables) HasConstant = (2, new[] { 0x04, 0x08, 0x17 });
        private static readonly (int Bits, int[] Tables) HasCustomAttribute = (5, new[] { 0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B, 0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B });
        private static readonly (int Bits, int[] Tables) HasFieldMarshal = (1, new[] { 0x04, 0x08 });
        private static readonly (int Bits, int[] Tables) HasDeclSecurity = (2, new[] { 0x02, 0x06, 0x20 });
        private static readonly (int Bits, int[] Tables) MemberRefParent = (3, new[] { 0x02, 0x01, 0x1A, 0x06, 0x1B });
        private static readonly (int Bits, int[] Tables) HasSemantics = (1, new[] { 0x14, 0x17 });
        private static readonly (int Bits, int[] Tables) MethodDefOrRef = (1, new[] { 0x06, 0x0A });
        private static readonly (int Bits, int[] Tables) MemberForwarded = (1, new[] { 0x04, 0x06 });
        private static readonly (int Bits, int[] Tables) Implementation = (2, new[] { 0x26, 0x23, 0x27 });
        private static readonly (int Bits, int[] Tables) CustomAttributeType = (3, new[] { 0x06, 0x0A });
        private static readonly (int Bits, int[] Tables) ResolutionScope = (2, new[] { 0x00, 0x1A, 0x23, 0x01 });

        private readonly int[] rows;
        private readonly int[] rowSizes = new int[0x2A];

        public TableLayout(int[] rows, byte heapSizes)
        {
            this.rows = rows;
            StringIndex = (heapSizes & 1) != 0 ? 4 : 2;
            var guid = (heapSizes & 2) != 0 ? 4 : 2;
            var blob = (heapSizes & 4) != 0 ? 4 : 2;
            var s = StringIndex;
            rowSizes[0x00] = 2 + s + (3 * guid);
            rowSizes[0x01] = Coded(ResolutionScope) + (2 * s);
            rowSizes[0x02] = 4 + (2 * s) + Coded(TypeDefOrRef) + Simple(0x04) + Simple(0x06);
            rowSizes[0x03] = Simple(0x04);
            rowSizes[0x04] = 2 + s + blob;
            rowSizes[0x05] = Simple(0x06);
            rowSizes[0x06] = 8 + s + blob + Simple(0x08);
            rowSizes[0x07] = Simple(0x08);
            rowSizes[0x08] = 4 + s;
            rowSizes[0x09] = Simple(0x02) + Coded(TypeDefOrRef);
            rowSizes[0x0A] = Coded(MemberRefParent) + s + blob;
            rowSizes[0x0B] = 2 + Coded(HasConstant) + blob;
            rowSizes[0x0C] = Coded(HasCustomAttribute) + Coded(CustomAttributeType) + blob;
            rowSizes[0x0D] = Coded(HasFieldMarshal) + blob;
            rowSizes[0x0E] = 2 + Coded(HasDeclSecurity) + blob;
            rowSizes[0x0F] = 6 + Simple(0x02);
            rowSizes[0x10] = 4 + Simple(0x04);
            rowSizes[0x11] = blob;
            rowSizes[0x12] = Simple(0x02) + Simple(0x14);
            rowSizes[0x13] = Simple(0x14);
            rowSizes[0x14] = 2 + s + Coded(TypeDefOrRef);
            rowSizes[0x15] = Simple(0x02) + Simple(0x17);
            rowSizes[0x16] = Simple(0x17);
            rowSizes[0x17] = 2 + s + blob;
            rowSizes[0x18] = 2 + Simple(0x06) + Coded(HasSemantics);
            rowSizes[0x19] = Simple(0x02) + (2 * Coded(MethodDefOrRef));
            rowSizes[0x1A] = s;
            rowSizes[0x1B] = blob;
            rowSizes[0x1C] = 2 + Coded(MemberForwarded) + s + Simple(0x1A);
            rowSizes[0x1D] = 4 + Simple(0x04);
            rowSizes[0x1E] = 8;
            rowSizes[0x1F] = 4;
            rowSizes[0x20] = 16 + blob + (2 * s);
            rowSizes[0x21] = 4;
            rowSizes[0x22] = 12;
            rowSizes[0x23] = 12 + (2 * blob) + (2 * s);
            rowSizes[0x24] = 4 + Simple(0x23);
            rowSizes[0x25] = 12 + Simple(0x23);
            rowSizes[0x26] = 4 + s + blob;
            rowSizes[0x27] = 8 + (2 * s) + Coded(Implementation);
            rowSizes[0x28] = 8 + s + Coded(Implementation);
            rowSizes[0x29] = 2 * Simple(0x02);
        }

        public int StringIndex { get; }

        public int RowSize(int table) => rowSizes[table];

        /// <summary>Bytes from the start of the first table to the first row of <paramref name="table"/>.</summary>
        public int OffsetOf(int table)
        {
            var offset = 0;
            for (var t = 0; t < table; t++)
            {
                offset += rows[t] * rowSizes[t];
            }

            return offset;
        }

        public int Simple(int table) => rows[table] < 0x10000 ? 2 : 4;

        public int Coded((int Bits, int[] Tables) kind)
        {
            var max = 0;
            foreach (var table in kind.Tables)
            {
                max = Math.Max(max, rows[table]);
            }

            return max < (1 << (16 - kind.Bits)) ? 2 : 4;
        }
    }
}
