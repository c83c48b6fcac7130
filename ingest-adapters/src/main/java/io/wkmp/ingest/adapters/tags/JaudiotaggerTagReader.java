package io.wkmp.ingest.adapters.tags;

import static io.wkmp.ingest.adapters.tags.TagText.first;
import static io.wkmp.ingest.adapters.tags.TagText.number;
import static io.wkmp.ingest.adapters.tags.TagText.text;
import static io.wkmp.ingest.adapters.tags.TagText.total;

import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.core.port.TagReader;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.wav.WavOptions;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.slf4j.LoggerFactory;

/**
 * Reads tags with jaudiotagger (MP3, FLAC, Ogg Vorbis, M4A, WAV), MusicBrainz ids included; Opus, and an Ogg
 * file jaudiotagger cannot read (one named .mp3), from its Vorbis comments ({@link OggComments}, no ffprobe run);
 * anything else jaudiotagger throws on through {@link FfprobeTagReader}. jaudiotagger's logging is silenced.
 * Never throws: unreadable tags give {@link FileTags#EMPTY}. Thread-safe.
 */
public final class JaudiotaggerTagReader implements TagReader {
    /** Held strongly so java.util.logging keeps the OFF level. */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JaudiotaggerTagReader.class);

    static {
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
        TagOptionSingleton.getInstance().setWavOptions(WavOptions.READ_ID3_UNLESS_ONLY_INFO);
    }

    private final FfprobeTagReader fallback;

    public JaudiotaggerTagReader(FfprobeJson ffprobe) {
        this.fallback = new FfprobeTagReader(ffprobe);
    }

    @Override
    public FileTags read(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".opus")) {
            return withoutJaudiotagger(file);
        }
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            return map(audio.getTag(), audio.getAudioHeader());
        } catch (Exception | LinkageError e) {
            LOG.debug("jaudiotagger could not read {} ({}); reading it without", file, e.toString());
            return withoutJaudiotagger(file);
        }
    }

    /** An Ogg Opus or Vorbis file's comments, else what ffprobe finds. */
    private FileTags withoutJaudiotagger(Path file) {
        try {
            Optional<OggComments.Info> ogg = OggComments.read(file);
            if (ogg.isPresent()) {
                OggComments.Info i = ogg.get();
                return FfprobeTagReader.fromFields(i.comments(), i.ticks(), i.sampleRate(), i.channels(), null);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} has no readable Ogg comments ({}); using ffprobe", file, e.toString());
        }
        return fallback.read(file);
    }

    private static FileTags map(Tag tag, AudioHeader h) {
        long ticks = h == null ? -1 : Ticks.fromSeconds(Math.max(0, h.getPreciseTrackLength()));
        Integer rate = h == null ? null : positive(h.getSampleRateAsNumber());
        Integer channels = h == null ? null : positive(parse(h.getChannels()));
        Integer bits = h == null ? null : positive(h.getBitsPerSample());
        if (tag == null) {
            return new FileTags(
                    null, null, null, null, null, null, null, null, null, null, ticks, rate, channels, bits, null, null,
                    null, null, null);
        }
        String track = get(tag, FieldKey.TRACK);
        String disc = get(tag, FieldKey.DISC_NO);
        return new FileTags(
                text(get(tag, FieldKey.TITLE)),
                text(get(tag, FieldKey.ARTIST)),
                text(get(tag, FieldKey.ALBUM)),
                text(get(tag, FieldKey.ALBUM_ARTIST)),
                number(track),
                first(total(track), number(get(tag, FieldKey.TRACK_TOTAL))),
                number(disc),
                first(total(disc), number(get(tag, FieldKey.DISC_TOTAL))),
                TagText.year(get(tag, FieldKey.YEAR)),
                text(get(tag, FieldKey.GENRE)),
                ticks,
                rate,
                channels,
                bits,
                text(get(tag, FieldKey.MUSICBRAINZ_TRACK_ID)),
                text(get(tag, FieldKey.MUSICBRAINZ_RELEASEID)),
                text(get(tag, FieldKey.MUSICBRAINZ_RELEASE_GROUP_ID)),
                text(get(tag, FieldKey.MUSICBRAINZ_ARTISTID)),
                text(get(tag, FieldKey.MUSICBRAINZ_RELEASEARTISTID)));
    }

    /** A field's first value; null where the format has no such field (WAV INFO throws for many). */
    private static String get(Tag tag, FieldKey key) {
        try {
            return tag.getFirst(key);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer parse(String s) {
        try {
            return s == null ? null : Integer.parseInt(s.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return "Stereo".equalsIgnoreCase(s) ? 2 : "Mono".equalsIgnoreCase(s) ? 1 : null;
        }
    }

    private static Integer positive(Integer v) {
        return v != null && v > 0 ? v : null;
    }
}
