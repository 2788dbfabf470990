using System;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Downloads;

namespace VodPowerShell.Emulator.Tests.Media
{
    public class SheetPaddingTests
    {
        [Theory]
        [InlineData("jpg", 200_000)] // more than three COM segments
        [InlineData("png", 100_000)]
        public void APaddedSheetWeighsMoreAndDecodesToTheSamePixels(string format, int padding)
        {
            var layout = SpriteLayout.For(SpriteTemplateStore.Presets[0] with { Format = format }, new MediaFile("clip", 300, MediaFileState.Normal));
            byte[] plain = SpriteRenderer.Sheet(layout, 0);

            byte[] padded = SheetPadding.Pad(plain, format, padding);

            Assert.True(padded.Length >= plain.Length + padding, $"{padded.Length} bytes");
            using var expected = Image.Load<Rgb24>(plain);
            using var actual = Image.Load<Rgb24>(padded);
            Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
            for (int y = 0; y < expected.Height; y += 37)
            {
                for (int x = 0; x < expected.Width; x += 41) Assert.Equal(expected[x, y], actual[x, y]);
            }
        }

        [Fact]
        public void WebpAndZeroPaddingAreLeftAsEncoded()
        {
            byte[] bytes = [1, 2, 3];
            Assert.Same(bytes, SheetPadding.Pad(bytes, "webp", 1000));
            Assert.Same(bytes, SheetPadding.Pad(bytes, "jpg", 0));
        }
    }
}
