using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace VodPowerShell.Emulator.Downloads
{
    /// <summary>
    /// Makes a rendered sheet weigh what a photographic one would (<c>--sheet-padding-kb</c>), so downloads can be measured
    /// by the gigabyte without encoding gigabytes. The padding sits where decoders skip it, so the file stays valid:
    /// JPEG comment segments after the SOI marker, a private ancillary PNG chunk before IEND. WebP has no such place in its
    /// simple format and is left as encoded.
    /// </summary>
    public static class SheetPadding
    {
        /// <summary>Data bytes of one JPEG COM segment: its 16-bit length counts itself too.</summary>
        private const int MaxJpegSegmentData = ushort.MaxValue - 2;

        /// <summary>Ancillary (lower-case first letter), private (second), safe to copy (fourth), per the PNG chunk naming rules.</summary>
        private static readonly byte[] PngChunkType = Encoding.ASCII.GetBytes("vpPd");

        public static byte[] Pad(byte[] encoded, string format, int paddingBytes)
        {
            if (paddingBytes <= 0) return encoded;
            return format switch
            {
                "png" => PadPng(encoded, paddingBytes),
                "webp" => encoded,
                _ => PadJpeg(encoded, paddingBytes),
            };
        }

        private static byte[] PadJpeg(byte[] jpeg, int paddingBytes)
        {
            using var output = new MemoryStream(jpeg.Length + paddingBytes + 4 * (paddingBytes / MaxJpegSegmentData + 1));
            output.Write(jpeg, 0, 2); // SOI
            Span<byte> header = stackalloc byte[4];
            byte[] zeros = new byte[Math.Min(paddingBytes, MaxJpegSegmentData)];
            for (int left = paddingBytes; left > 0; left -= MaxJpegSegmentData)
            {
                int data = Math.Min(left, MaxJpegSegmentData);
                header[0] = 0xFF;
                header[1] = 0xFE; // COM
                BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(data + 2));
                output.Write(header);
                output.Write(zeros, 0, data);
            }

            output.Write(jpeg, 2, jpeg.Length - 2);
            return output.ToArray();
        }

        private static byte[] PadPng(byte[] png, int paddingBytes)
        {
            const int iendLength = 12; // length, "IEND", CRC: always the last 12 bytes
            var padded = new byte[png.Length + 12 + paddingBytes];
            int at = png.Length - iendLength;
            png.AsSpan(0, at).CopyTo(padded);
            BinaryPrimitives.WriteInt32BigEndian(padded.AsSpan(at), paddingBytes);
            PngChunkType.CopyTo(padded, at + 4);
            // The data stays zero; the CRC covers the chunk type and data.
            uint crc = Crc32(padded.AsSpan(at + 4, 4 + paddingBytes));
            BinaryPrimitives.WriteUInt32BigEndian(padded.AsSpan(at + 8 + paddingBytes), crc);
            png.AsSpan(at).CopyTo(padded.AsSpan(at + 12 + paddingBytes));
            return padded;
        }

        /// <summary>The CRC-32 PNG uses (ISO 3309, reflected polynomial 0xEDB88320).</summary>
        private static uint Crc32(ReadOnlySpan<byte> bytes)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in bytes)
            {
                crc ^= b;
                for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
            }

            return ~crc;
        }
    }
}
