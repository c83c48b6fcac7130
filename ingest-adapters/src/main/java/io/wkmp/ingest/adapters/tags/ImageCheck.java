package io.wkmp.ingest.adapters.tags;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decides whether bytes are an image javax.imageio can decode, and gives its format and size. Thread-safe. */
final class ImageCheck {
    /** A decodable image. {@code extension} is the file extension for its format: jpg, png, gif or bmp. */
    record ImageInfo(String extension, int width, int height) {}

    private ImageCheck() {}

    /** The image in {@code data}, fully decoded once to prove it; empty for anything else (garbage, truncated). */
    static Optional<ImageInfo> inspect(byte[] data) {
        if (data == null || data.length == 0) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                return Optional.of(new ImageInfo(format.equals("jpeg") ? "jpg" : format, image.getWidth(), image.getHeight()));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
