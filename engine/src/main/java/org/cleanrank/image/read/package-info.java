/**
 * Image decoding that matches what the references see: each file decoded by the decoder whose samples
 * equal the reference's (PNG by Commons Imaging or ImageIO, JPEG with libjpeg's colour conversion), then
 * turned into the pixels of {@code cv2.imread} (OpenCV 4.6: BGR, EXIF orientation applied, 16-bit reduced,
 * its own CMYK conversion) or of Pillow's {@code Image.open(...).convert(...)}, so hashes and SSIM start
 * from the reference's own pixel values.
 */
package org.cleanrank.image.read;
