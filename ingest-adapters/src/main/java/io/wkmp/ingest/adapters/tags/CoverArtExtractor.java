package io.wkmp.ingest.adapters.tags;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures.Picture;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.library.CoverArt;
import io.wkmp.ingest.core.library.ImageImport;
import io.wkmp.ingest.core.library.ImageType;
import io.wkmp.ingest.core.port.CoverArtSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Cover art of an audio file (the {@link CoverArtSource} adapter). Embedded pictures (ID3 APIC, FLAC and
 * Vorbis picture blocks, MP4 covr) are read with jaudiotagger; those of Opus, and of an Ogg file jaudiotagger cannot
 * read, from its comment packet ({@link OggComments}); with ffmpeg whenever both fail; each is decoded with javax.imageio to prove it is an image (else a COVER_ART_INVALID
 * warning), saved beside the audio as {@code <audio stem>.<jpg|png|...>} by {@link ImageFiles}' no-overwrite rule,
 * and typed by its picture type: front cover album_front (or, when none is, the first untyped or "Other"
 * picture), back cover album_back, any other album_liner. When
 * the file carries no valid picture, the folder's cover/folder/front image is returned as it is (not copied).
 * Thread-safe.
 */
public final class CoverArtExtractor implements CoverArtSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CoverArtExtractor.class);
    /** Covers saved by the import are at most this many pixels on either side (wkmp-reference 5.16). */
    static final int MAX_SIDE = 1024;

    private final FfmpegAttachedPictures ffmpeg;
    private final ReleaseArtwork releaseArtwork;
    /** One lock per album folder and release: its covers are fetched and saved once. */
    private final java.util.Map<String, Object> saving = new java.util.concurrent.ConcurrentHashMap<>();

    /** A release's front and back covers from an archive (the Cover Art Archive); empty when it has none. Thread-safe. */
    @FunctionalInterface
    public interface ReleaseArtwork {
        /** One cover image: {@code imageType} ALBUM_FRONT or ALBUM_BACK. */
        record Artwork(ImageType imageType, byte[] bytes) {}

        List<Artwork> covers(String releaseMbid);
    }

    public CoverArtExtractor() {
        this(new FfmpegAttachedPictures());
    }

    public CoverArtExtractor(FfmpegAttachedPictures ffmpeg) {
        this(ffmpeg, null);
    }

    private CoverArtExtractor(FfmpegAttachedPictures ffmpeg, ReleaseArtwork releaseArtwork) {
        this.ffmpeg = ffmpeg;
        this.releaseArtwork = releaseArtwork;
    }

    /** A copy that falls back to {@code artwork} for identified releases without embedded or folder art. */
    public CoverArtExtractor withReleaseArtwork(ReleaseArtwork artwork) {
        return new CoverArtExtractor(ffmpeg, artwork);
    }

    /**
     * Embedded or folder art; failing both, the release's archive covers, saved beside the audio as
     * {@code <release-mbid>.front.jpg} / {@code .back.jpg} (wkmp-reference 5.16) and reused, not fetched again,
     * for the album's other files.
     */
    @Override
    public CoverArt coverArt(Path audioFile, Path rootFolder, String releaseMbid) {
        CoverArt own = coverArt(audioFile, rootFolder);
        if (!own.images().isEmpty() || releaseMbid == null || releaseArtwork == null) {
            return own;
        }
        Path root = rootFolder.toAbsolutePath().normalize();
        Path folder = audioFile.toAbsolutePath().normalize().getParent();
        List<ImageImport> images = new ArrayList<>();
        List<AnalysisWarning> warnings = new ArrayList<>(own.warnings());
        // files of one album in progress at once: the first fetches and saves the covers, the others wait and reuse
        synchronized (saving.computeIfAbsent(folder + "/" + releaseMbid, k -> new Object())) {
            releaseCovers(root, folder, releaseMbid, images, warnings);
        }
        return new CoverArt(images, warnings);
    }

    private void releaseCovers(
            Path root, Path folder, String releaseMbid, List<ImageImport> images, List<AnalysisWarning> warnings) {
        for (ImageType type : List.of(ImageType.ALBUM_FRONT, ImageType.ALBUM_BACK)) {
            savedCover(folder, releaseMbid + "." + side(type))
                    .ifPresent(f -> images.add(release(image(root, f.getKey(), type, f.getValue()), releaseMbid)));
        }
        if (images.isEmpty()) {
            for (ReleaseArtwork.Artwork a : releaseArtwork.covers(releaseMbid)) {
                Optional<ImageCheck.Fitted> fitted = ImageCheck.fit(a.bytes(), MAX_SIDE);
                if (fitted.isEmpty()) {
                    warnings.add(invalid("the archive's " + a.imageType().column() + " cover of release " + releaseMbid
                            + " is not a readable image"));
                    continue;
                }
                ImageCheck.ImageInfo info = fitted.get().info();
                try {
                    Path saved = ImageFiles.save(
                            folder,
                            releaseMbid + "." + side(a.imageType()),
                            info.extension(),
                            fitted.get().bytes());
                    images.add(release(image(root, saved, a.imageType(), info), releaseMbid));
                } catch (IOException e) {
                    warnings.add(invalid("could not save the cover of release " + releaseMbid + ": " + e.getMessage()));
                }
            }
        }
    }

    /** An image saved earlier as {@code <name>.<ext>} in {@code folder}, with its dimensions. */
    private static Optional<java.util.Map.Entry<Path, ImageCheck.ImageInfo>> savedCover(Path folder, String name) {
        for (String ext : List.of("jpg", "png", "gif")) {
            Path f = folder.resolve(name + "." + ext);
            if (Files.isRegularFile(f)) {
                try {
                    Optional<ImageCheck.ImageInfo> info = ImageCheck.inspect(Files.readAllBytes(f));
                    if (info.isPresent()) {
                        return Optional.of(java.util.Map.entry(f, info.get()));
                    }
                } catch (IOException e) {
                    LOG.warn("cannot read {}: {}", f, e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static ImageImport release(ImageImport i, String releaseMbid) {
        return new ImageImport(i.relativePath(), i.imageType(), i.width(), i.height(), releaseMbid);
    }

    @Override
    public CoverArt coverArt(Path audioFile, Path rootFolder) {
        Path audio = audioFile.toAbsolutePath().normalize();
        Path root = rootFolder.toAbsolutePath().normalize();
        if (!audio.startsWith(root)) {
            throw new IllegalArgumentException(audioFile + " is not inside the root folder " + rootFolder);
        }
        List<ImageImport> images = new ArrayList<>();
        List<AnalysisWarning> warnings = new ArrayList<>();
        List<Picture> pictures = EmbeddedPictures.read(ffmpeg, audio, warnings);
        String stem = audio.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        int front = EmbeddedPictures.frontIndex(pictures);
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            Optional<ImageCheck.Fitted> fitted = ImageCheck.fit(p.data(), MAX_SIDE);
            if (fitted.isEmpty()) {
                warnings.add(invalid("embedded picture " + (i + 1) + " of " + audio.getFileName() + " ("
                        + p.data().length + " bytes) is not a readable image"));
                continue;
            }
            ImageCheck.ImageInfo info = fitted.get().info();
            try {
                Path saved = ImageFiles.save(
                        audio.getParent(), stem, info.extension(), fitted.get().bytes());
                images.add(image(
                        root,
                        saved,
                        i == front ? ImageType.ALBUM_FRONT : EmbeddedPictures.type(p.pictureType()),
                        info));
            } catch (IOException e) {
                warnings.add(invalid("could not save the picture of " + audio.getFileName() + ": " + e.getMessage()));
            }
        }
        if (images.isEmpty()) {
            FolderImages.find(audio.getParent(), warnings)
                    .ifPresent(f -> images.add(image(root, f.path(), ImageType.ALBUM_FRONT, f.info())));
        }
        return new CoverArt(images, warnings);
    }

    /** The file name part of a release cover saved beside the audio: {@code <release>.front} or {@code .back}. */
    private static String side(ImageType type) {
        return type == ImageType.ALBUM_BACK ? "back" : "front";
    }

    private static ImageImport image(Path root, Path file, ImageType type, ImageCheck.ImageInfo info) {
        String relative =
                root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return new ImageImport(relative, type, info.width(), info.height(), null);
    }

    static AnalysisWarning invalid(String message) {
        return new AnalysisWarning(ErrorCode.COVER_ART_INVALID, message);
    }
}
