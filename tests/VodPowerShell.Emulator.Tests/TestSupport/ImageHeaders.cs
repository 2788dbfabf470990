using System;
using System.Buffers.Binary;
using System.Text;

namespace VodPowerShell.Emulator.Tests.TestSupport
{
    /// <summary>
    /// Reads an image's format and pixel size from its own header bytes, written here from the formats' specs
    /// rather than with the encoder the emulator uses, so a wrong encoder setting cannot hide.
    /// </summary>
    public static class ImageHeaders
    {
        public static (string Format, int Width, int Height) Read(byte[] bytes)
        {
            if (bytes.Length > 24 && bytes[0] == 0x89 && Encoding.ASCII.GetString(bytes, 1, 3) == "PNG" && Encoding.ASCII.GetString(bytes, 12, 4) == "IHDR")
            {
                return ("png", BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            }

            if (bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8) return Jpeg(bytes);
            if (bytes.Length > 30 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP") return WebP(bytes);
            throw new FormatException("Not a PNG, JPEG or WebP header.");
        }

        /// <summary>Walks the markers to the first start-of-frame (SOF0–SOF2): height then width, big-endian.</summary>
        private static (string, int, int) Jpeg(byte[] bytes)
        {
            int at = 2;
            while (at + 9 < bytes.Length)
            {
                if (bytes[at] != 0xFF) throw new FormatException($"No JPEG marker at {at}.");
                byte marker = bytes[at + 1];
                int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
                if (marker is 0xC0 or 0xC1 or 0xC2)
                {
                    return ("jpg", BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 5)));
                }

                at += 2 + length;
            }

            throw new FormatException("No JPEG frame header.");
        }

        /// <summary>The first chunk: VP8 (lossy key frame), VP8L (lossless) or VP8X (extended canvas).</summary>
        private static (string, int, int) WebP(byte[] bytes)
        {
            switch (Encoding.ASCII.GetString(bytes, 12, 4))
            {
                case "VP8 ":
                    if (bytes[23] != 0x9D || bytes[24] != 0x01 || bytes[25] != 0x2A) throw new FormatException("No VP8 start code.");
                    return ("webp", BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)) & 0x3FFF);
                case "VP8L":
                    uint bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(21));
                    return ("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
                case "VP8X":
                    return ("webp", (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)) + 1, (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)) + 1);
                default:
                    throw new FormatException("Unknown WebP chunk.");
            }
        }
    }
}
