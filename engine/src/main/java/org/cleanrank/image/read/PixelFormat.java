package org.cleanrank.image.read;

/** How the samples of a {@link DecodedImage} are laid out, per pixel, interleaved. */
public enum PixelFormat {
    /** one 8-bit gray sample */
    GRAY8(1),
    /** one 16-bit gray sample (PNG bit depth 16) */
    GRAY16(1),
    /** gray and alpha, 8 bits each */
    GRAY_ALPHA8(2),
    /** red, green, blue */
    RGB8(3),
    /** red, green, blue, alpha */
    RGBA8(4),
    /** cyan, magenta, yellow, black as Pillow's CMYK mode holds them (Adobe JPEGs already un-inverted) */
    CMYK8(4);

    public final int channels;

    PixelFormat(int channels) {
        this.channels = channels;
    }
}
