package io.wkmp.ingest.adapters.tags;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures.Picture;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.IngestException;
import io.wkmp.ingest.core.library.ImageType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.slf4j.LoggerFactory;

/**
 * The pictures embedded in an audio file: ID3 APIC, FLAC and Vorbis picture blocks and MP4 covr with jaudiotagger;
 * those of Opus, and of an Ogg file jaudiotagger cannot read, from its comment packet ({@link OggComments}); with
 * ffmpeg whenever both fail. Also which of them is the front cover and how a picture type maps to an image type.
 */
final class EmbeddedPictures {
    /** Held strongly so java.util.logging keeps the OFF level. */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(EmbeddedPictures.class);
    private static final int FRONT = 3;
    private static final int BACK = 4;

    static {
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
    }

    private EmbeddedPictures() {}

    /** The file's embedded pictures; a warning (and none) when no reader can read them. */
    static List<Picture> read(FfmpegAttachedPictures ffmpeg, Path audio, List<AnalysisWarning> warnings) {
        if (!audio.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".opus")) {
            try {
                Tag tag = AudioFileIO.read(audio.toFile()).getTag();
                List<Picture> out = new ArrayList<>();
                for (Artwork a : tag == null ? List.<Artwork>of() : tag.getArtworkList()) {
                    if (!a.isLinked()) {
                        out.add(new Picture(a.getBinaryData(), a.getPictureType()));
                    }
                }
                return out;
            } catch (Exception | LinkageError e) {
                LOG.debug("jaudiotagger could not read pictures of {} ({}); using ffmpeg", audio, e.toString());
            }
        }
        try {
            Optional<OggComments.Info> ogg = OggComments.read(audio);
            if (ogg.isPresent()) {
                return ogg.get().pictures();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} has no readable Ogg comments ({}); using ffmpeg", audio, e.toString());
        }
        try {
            return ffmpeg.read(audio);
        } catch (IngestException e) {
            warnings.add(CoverArtExtractor.invalid(
                    "could not read the pictures of " + audio.getFileName() + ": " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * The picture that is the front cover: the first typed so, else the first of type "Other" or untyped (many
     * taggers store the cover that way, and MP4 covr and old Vorbis COVERART carry no type); -1 when none.
     */
    static int frontIndex(List<Picture> pictures) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < pictures.size(); i++) {
                int t = pictures.get(i).pictureType();
                if (pass == 0 ? t == FRONT : t <= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static ImageType type(int pictureType) {
        return pictureType == FRONT
                ? ImageType.ALBUM_FRONT
                : pictureType == BACK ? ImageType.ALBUM_BACK : ImageType.ALBUM_LINER;
    }
}
