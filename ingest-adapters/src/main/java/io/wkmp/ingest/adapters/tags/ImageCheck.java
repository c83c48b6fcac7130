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
        return decode(data).map(Decoded::info);
    }

    /** Image bytes to save, with what they hold. */
    record Fitted(byte[] bytes, ImageInfo info) {}

    /**
     * {@code data} as an image no larger than {@code maxSide} pixels on either side (wkmp-reference 5.16): the
     * bytes as they are when it fits, else scaled down (aspect kept, bicubic) and encoded again in its format
     * (JPEG stays JPEG; other formats become PNG). Empty for anything that is not a decodable image.
     */
    static Optional<Fitted> fit(byte[] data, int maxSide) {
        Optional<Decoded> decoded = decode(data);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        ImageInfo info = decoded.get().info();
        if (info.width() <= maxSide && info.height() <= maxSide) {
            return Optional.of(new Fitted(data, info));
        }
        double factor = (double) maxSide / Math.max(info.width(), info.height());
        int w = Math.max(1, (int) Math.round(info.width() * factor));
        int h = Math.max(1, (int) Math.round(info.height() * factor));
        boolean jpeg = info.extension().equals("jpg");
        BufferedImage out = new BufferedImage(w, h, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(decoded.get().image(), 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        String format = jpeg ? "jpg" : "png";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(out, format, bytes)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Fitted(bytes.toByteArray(), new ImageInfo(format, w, h)));
    }

    private record Decoded(ImageInfo info, BufferedImage image) {}

    private static Optional<Decoded> decode(byte[] data) {
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
                return Optional.of(new Decoded(
                        new ImageInfo(format.equals("jpeg") ? "jpg" : format, image.getWidth(), image.getHeight()),
                        image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
