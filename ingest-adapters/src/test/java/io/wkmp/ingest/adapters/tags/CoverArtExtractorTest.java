package io.wkmp.ingest.adapters.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.library.CoverArt;
import io.wkmp.ingest.core.library.ImageImport;
import io.wkmp.ingest.core.library.ImageType;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.TagWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Embedded cover art of real encoded files (ffmpeg + jaudiotagger), saved beside them; folder images. */
class CoverArtExtractorTest {
    @TempDir
    Path root;

    private final CoverArtExtractor extractor = new CoverArtExtractor();

    static byte[] image(String format, int width, int height, Color color) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private Path audio(String relative, EncodedFormat format, Map<String, String> metadata) throws IOException {
        Path wav = AudioSynth.builder(44_100, 2).music(1_500, 4).build().writeWav(root.resolve(relative + ".wav"));
        Path out = AudioEncoder.encode(wav, format, metadata);
        Files.delete(wav);
        return out;
    }

    private static String[] list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EncodedFormat.class,
            names = {"MP3", "FLAC", "M4A", "OGG"})
    void anEmbeddedFrontCoverIsSavedBesideTheAudio(EncodedFormat format) throws IOException {
        Path file = audio("Artist/Album/01 Song", format, Map.of());
        byte[] jpg = image("jpg", 40, 30, Color.RED);
        Path source = Files.write(root.resolve("source.jpg"), jpg);
        TagWriter.embedCover(file, source);

        CoverArt art = extractor.coverArt(file, root);

        assertThat(art.warnings()).isEmpty();
        assertThat(art.images())
                .containsExactly(new ImageImport("Artist/Album/01 Song.jpg", ImageType.ALBUM_FRONT, 40, 30, null));
        assertThat(Files.readAllBytes(root.resolve("Artist/Album/01 Song.jpg"))).isEqualTo(jpg);
    }

    @Test
    void anOpusPictureBlockIsReadWithItsType() throws IOException {
        byte[] png = image("png", 24, 24, Color.BLUE);
        Path file = audio(
                "opus/track",
                EncodedFormat.OPUS,
                Map.of("METADATA_BLOCK_PICTURE", TagWriter.metadataBlockPicture(png, "image/png", 4, 24, 24)));

        CoverArt art = extractor.coverArt(file, root);

        assertThat(art.images()).containsExactly(new ImageImport("opus/track.png", ImageType.ALBUM_BACK, 24, 24, null));
        assertThat(Files.readAllBytes(root.resolve("opus/track.png"))).isEqualTo(png);
    }

    @Test
    void frontBackAndOtherPicturesGetTheirTypesAndDistinctNames() throws IOException {
        Path file = audio("multi/track", EncodedFormat.FLAC, Map.of());
        TagWriter.addPicture(file, image("png", 10, 10, Color.RED), "image/png", 3);
        TagWriter.addPicture(file, image("png", 12, 10, Color.GREEN), "image/png", 4);
        TagWriter.addPicture(file, image("jpg", 14, 10, Color.BLUE), "image/jpeg", 5);

        CoverArt art = extractor.coverArt(file, root);

        assertThat(art.images())
                .containsExactly(
                        new ImageImport("multi/track.png", ImageType.ALBUM_FRONT, 10, 10, null),
                        new ImageImport("multi/track_2.png", ImageType.ALBUM_BACK, 12, 10, null),
                        new ImageImport("multi/track.jpg", ImageType.ALBUM_LINER, 14, 10, null));
    }

    @Test
    void aCorruptEmbeddedImageIsAWarningAndIsNotSaved() throws IOException {
        Path file = audio("bad/track", EncodedFormat.MP3, Map.of());
        byte[] garbage = new byte[2000];
        new java.util.Random(5).nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // JPEG start-of-image marker, then noise
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        TagWriter.addPicture(file, garbage, "image/jpeg", 3);

        CoverArt art = extractor.coverArt(file, root);

        assertThat(art.images()).isEmpty();
        assertThat(art.warnings()).extracting(AnalysisWarning::code).containsExactly(ErrorCode.COVER_ART_INVALID);
        assertThat(art.warnings().get(0).message()).contains("embedded picture 1 of track.mp3", "2000 bytes");
        assertThat(list(root.resolve("bad"))).containsExactly("track.mp3");

        Files.write(root.resolve("bad/folder.jpg"), image("jpg", 50, 50, Color.GRAY));
        CoverArt fallback = extractor.coverArt(file, root);
        assertThat(fallback.images())
                .containsExactly(new ImageImport("bad/folder.jpg", ImageType.ALBUM_FRONT, 50, 50, null));
        assertThat(fallback.warnings()).extracting(AnalysisWarning::code).containsExactly(ErrorCode.COVER_ART_INVALID);
    }

    @Test
    void aNameClashNeverOverwritesAndIdenticalBytesAreReused() throws IOException {
        Path file = audio("clash/track", EncodedFormat.FLAC, Map.of());
        byte[] cover = image("jpg", 32, 32, Color.ORANGE);
        TagWriter.addPicture(file, cover, "image/jpeg", 3);
        byte[] mine = "a photo the user keeps here".getBytes();
        Files.write(root.resolve("clash/track.jpg"), mine);

        CoverArt first = extractor.coverArt(file, root);
        CoverArt second = extractor.coverArt(file, root);

        assertThat(first.images()).extracting(ImageImport::relativePath).containsExactly("clash/track_2.jpg");
        assertThat(second.images()).isEqualTo(first.images());
        assertThat(Files.readAllBytes(root.resolve("clash/track.jpg"))).isEqualTo(mine);
        assertThat(Files.readAllBytes(root.resolve("clash/track_2.jpg"))).isEqualTo(cover);
        assertThat(list(root.resolve("clash"))).containsExactly("track.flac", "track.jpg", "track_2.jpg");
    }

    @Test
    void withoutEmbeddedArtTheFolderImageIsUsedInPlace() throws IOException {
        Path file = audio("Artist/Album/02 Song", EncodedFormat.FLAC, Map.of());
        Files.write(root.resolve("Artist/Album/Folder.PNG"), image("png", 60, 40, Color.CYAN));
        Files.write(root.resolve("Artist/Album/Cover.JPG"), image("jpg", 70, 70, Color.PINK));
        Files.write(root.resolve("Artist/Album/back.jpg"), image("jpg", 70, 70, Color.PINK));

        CoverArt art = extractor.coverArt(file, root);

        assertThat(art.warnings()).isEmpty();
        assertThat(art.images())
                .containsExactly(new ImageImport("Artist/Album/Cover.JPG", ImageType.ALBUM_FRONT, 70, 70, null));
        assertThat(list(root.resolve("Artist/Album")))
                .containsExactly("02 Song.flac", "Cover.JPG", "Folder.PNG", "back.jpg");
    }

    @Test
    void noArtAtAllIsNoImageAndNoWarning() throws IOException {
        Path file = audio("plain/track", EncodedFormat.OGG, Map.of());
        CoverArt art = extractor.coverArt(file, root);
        assertThat(art.images()).isEmpty();
        assertThat(art.warnings()).isEmpty();
    }

    @Test
    void anIdentifiedReleaseWithoutArtGetsTheArchiveCoversOnceForTheWholeAlbum() throws IOException {
        String release = "b7000000-0000-4000-8000-000000000001";
        byte[] front = image("jpg", 300, 300, Color.RED);
        byte[] back = image("png", 200, 100, Color.BLUE);
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        CoverArtExtractor withArchive = extractor.withReleaseArtwork(mbid -> {
            fetches.incrementAndGet();
            assertThat(mbid).isEqualTo(release);
            return java.util.List.of(
                    new CoverArtExtractor.ReleaseArtwork.Artwork(ImageType.ALBUM_FRONT, front),
                    new CoverArtExtractor.ReleaseArtwork.Artwork(ImageType.ALBUM_BACK, back));
        });
        Path one = audio("album/01", EncodedFormat.FLAC, Map.of());
        Path two = audio("album/02", EncodedFormat.FLAC, Map.of());

        CoverArt first = withArchive.coverArt(one, root, release);
        assertThat(first.warnings()).isEmpty();
        assertThat(first.images())
                .extracting(
                        ImageImport::relativePath, ImageImport::imageType, ImageImport::width, ImageImport::releaseMbid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "album/" + release + ".front.jpg", ImageType.ALBUM_FRONT, 300, release),
                        org.assertj.core.groups.Tuple.tuple(
                                "album/" + release + ".back.png", ImageType.ALBUM_BACK, 200, release));
        assertThat(Files.readAllBytes(root.resolve("album/" + release + ".front.jpg")))
                .isEqualTo(front);

        CoverArt second = withArchive.coverArt(two, root, release);
        assertThat(second.images())
                .extracting(ImageImport::relativePath)
                .containsExactly("album/" + release + ".front.jpg", "album/" + release + ".back.png");
        assertThat(fetches)
                .as("the album's second file reuses the saved covers")
                .hasValue(1);
        assertThat(list(root.resolve("album")))
                .containsExactly("01.flac", "02.flac", release + ".back.png", release + ".front.jpg");

        // no release, or no archive: nothing is fetched or invented
        assertThat(withArchive
                        .coverArt(audio("single/x", EncodedFormat.FLAC, Map.of()), root, null)
                        .images())
                .isEmpty();
        assertThat(extractor.coverArt(one, root, release).images()).isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void embeddedArtWinsOverTheArchive() throws IOException {
        Path file = audio("own/track", EncodedFormat.FLAC, Map.of());
        Path jpeg = Files.write(root.resolve("green.jpg.src"), image("jpg", 64, 64, Color.GREEN));
        TagWriter.embedCover(file, jpeg);
        Files.delete(jpeg);
        CoverArtExtractor withArchive = extractor.withReleaseArtwork(mbid -> {
            throw new AssertionError("the archive must not be asked when the file has art");
        });
        assertThat(withArchive
                        .coverArt(file, root, "b7000000-0000-4000-8000-000000000001")
                        .images())
                .singleElement()
                .satisfies(i -> assertThat(i.relativePath()).isEqualTo("own/track.jpg"));
    }

    @Test
    void coversLargerThan1024PixelsAreScaledDownKeepingTheirAspect() throws IOException {
        Path file = audio("big/track", EncodedFormat.FLAC, Map.of());
        Path jpeg = Files.write(root.resolve("big.jpg.src"), image("jpg", 2000, 1000, Color.ORANGE));
        TagWriter.embedCover(file, jpeg);
        Files.delete(jpeg);
        CoverArt art = extractor.coverArt(file, root);
        assertThat(art.images()).singleElement().satisfies(i -> {
            assertThat(i.relativePath()).isEqualTo("big/track.jpg");
            assertThat(i.width()).isEqualTo(1024);
            assertThat(i.height()).isEqualTo(512);
        });
        BufferedImage saved = ImageIO.read(root.resolve("big/track.jpg").toFile());
        assertThat(saved.getWidth()).isEqualTo(1024);
        assertThat(saved.getHeight()).isEqualTo(512);
        // small covers are saved byte for byte
        byte[] small = image("png", 300, 200, Color.CYAN);
        Path smallFile = audio("small/track", EncodedFormat.FLAC, Map.of());
        Path png = Files.write(root.resolve("small.png.src"), small);
        TagWriter.embedCover(smallFile, png);
        Files.delete(png);
        assertThat(extractor.coverArt(smallFile, root).images())
                .singleElement()
                .satisfies(i -> assertThat(Files.readAllBytes(root.resolve(i.relativePath())))
                        .isEqualTo(small));
    }
}
