package io.wkmp.ingest.testkit.audio;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.wav.WavOptions;
import org.jaudiotagger.audio.wav.WavSaveOptions;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;

/**
 * Writes tags with jaudiotagger, for what ffmpeg cannot write: the MP3 recording id (UFID), MusicBrainz
 * ids in M4A and WAV (WAV gets an ID3 chunk beside INFO), and embedded cover art.
 */
public final class TagWriter {
    private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

    static {
        JAUDIOTAGGER.setLevel(Level.OFF);
    }

    private TagWriter() {}

    /** Sets {@code fields} on {@code file} and commits. */
    public static void write(Path file, Map<FieldKey, String> fields) {
        edit(file, tag -> {
            for (Map.Entry<FieldKey, String> e : fields.entrySet()) {
                tag.setField(e.getKey(), e.getValue());
            }
        });
    }

    /** Embeds {@code image} (a JPEG or PNG file) as the front cover of {@code file}. */
    public static void embedCover(Path file, Path image) {
        edit(file, tag -> {
            tag.deleteArtworkField();
            tag.setField(ArtworkFactory.createArtworkFromFile(image.toFile()));
        });
    }

    /**
     * Adds a picture to {@code file}'s tag (keeping the ones there) with exactly these bytes, MIME type and ID3
     * picture type (3 front cover, 4 back cover), valid image or not: for tests of broken embedded art.
     */
    public static void addPicture(Path file, byte[] data, String mimeType, int pictureType) {
        edit(file, tag -> {
            Artwork art = ArtworkFactory.getNew();
            art.setBinaryData(data);
            art.setMimeType(mimeType);
            art.setPictureType(pictureType);
            art.setDescription("");
            tag.addField(art);
        });
    }

    /**
     * A FLAC picture block in base64, the value of a {@code METADATA_BLOCK_PICTURE} Vorbis comment: how Opus
     * files carry cover art (write it with {@link AudioEncoder}'s metadata, which jaudiotagger cannot for Opus).
     */
    public static String metadataBlockPicture(byte[] data, String mimeType, int pictureType, int width, int height) {
        byte[] mime = mimeType.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(32 + mime.length + data.length);
        b.putInt(pictureType)
                .putInt(mime.length)
                .put(mime)
                .putInt(0)
                .putInt(width)
                .putInt(height)
                .putInt(24)
                .putInt(0)
                .putInt(data.length)
                .put(data);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private interface TagEdit {
        void apply(Tag tag) throws Exception;
    }

    private static void edit(Path file, TagEdit edit) {
        TagOptionSingleton.getInstance().setWavOptions(WavOptions.READ_ID3_ONLY_AND_SYNC);
        TagOptionSingleton.getInstance().setWavSaveOptions(WavSaveOptions.SAVE_BOTH_AND_SYNC);
        try {
            File f = file.toFile();
            AudioFile audio = AudioFileIO.read(f);
            Tag tag = audio.getTagOrCreateAndSetDefault();
            edit.apply(tag);
            audio.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write tags to " + file + ": " + e, e);
        }
    }
}
