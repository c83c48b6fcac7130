package io.wkmp.ingest.adapters.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.TagWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jaudiotagger.tag.FieldKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tags of every format, MusicBrainz ids included, written the way Picard/beets (and ffmpeg) write them. */
class TagReaderTest {
    static final String RECORDING = "11111111-1111-1111-1111-111111111111";
    static final String RELEASE = "22222222-2222-2222-2222-222222222222";
    static final String GROUP = "33333333-3333-3333-3333-333333333333";
    static final String ARTIST = "44444444-4444-4444-4444-444444444444";
    static final String ALBUM_ARTIST = "55555555-5555-5555-5555-555555555555";

    @TempDir
    static Path dir;

    static Path wav;

    private final JaudiotaggerTagReader reader = new JaudiotaggerTagReader(new FfprobeJson());

    @BeforeAll
    static void synthesize() {
        wav = AudioSynth.builder(44_100, 2).music(3_000, 8).build().writeWav(dir.resolve("source.wav"));
    }

    @ParameterizedTest
    @EnumSource(EncodedFormat.class)
    void readsEveryFieldAndTheMusicBrainzIds(EncodedFormat format) throws Exception {
        Path file = encodeTagged(format);
        FileTags t = reader.read(file);

        assertThat(t.title()).isEqualTo("Thé Song");
        assertThat(t.artist()).isEqualTo("The Artist");
        assertThat(t.album()).isEqualTo("The Album");
        assertThat(t.albumArtist()).isEqualTo("Various Artists");
        assertThat(t.trackNumber()).isEqualTo(3);
        assertThat(t.trackTotal()).isEqualTo(12);
        assertThat(t.discNumber()).isEqualTo(1);
        assertThat(t.discTotal()).isEqualTo(2);
        assertThat(t.year()).isEqualTo(2021);
        assertThat(t.genre()).isEqualTo("Jazz");
        assertThat(t.durationTicks()).isBetween(2_900L * 28_224, 3_100L * 28_224);
        assertThat(t.sampleRate()).isEqualTo(format == EncodedFormat.OPUS ? 48_000 : 44_100);
        assertThat(t.channels()).isEqualTo(2);
        assertThat(t.mbRecordingId()).isEqualTo(RECORDING);
        assertThat(t.mbReleaseId()).isEqualTo(RELEASE);
        assertThat(t.mbReleaseGroupId()).isEqualTo(GROUP);
        assertThat(t.mbArtistId()).isEqualTo(ARTIST);
        assertThat(t.mbAlbumArtistId()).isEqualTo(ALBUM_ARTIST);
    }

    @Test
    void fallsBackToFfprobeWhenJaudiotaggerFailsAndNeverThrows() throws Exception {
        Path flac = encodeTagged(EncodedFormat.FLAC);
        Path misnamed = Files.copy(flac, dir.resolve("really-flac.mp3"));
        assertThat(reader.read(misnamed).title()).isEqualTo("Thé Song");
        assertThat(reader.read(misnamed).mbRecordingId()).isEqualTo(RECORDING);

        Path junk = Files.writeString(dir.resolve("junk.mp3"), "no audio here");
        assertThat(reader.read(junk)).isEqualTo(FileTags.EMPTY);
    }

    @ParameterizedTest
    @EnumSource(
            value = EncodedFormat.class,
            names = {"OGG", "OPUS"})
    void oggCommentsGiveWhatFfprobeGives(EncodedFormat format) throws Exception {
        Path file = encodeTagged(format);
        OggComments.Info ogg = OggComments.read(file).orElseThrow();
        FileTags ours =
                FfprobeTagReader.fromFields(ogg.comments(), ogg.ticks(), ogg.sampleRate(), ogg.channels(), null);
        FileTags ffprobe = new FfprobeTagReader(new FfprobeJson()).read(file);
        assertThat(ours)
                .usingRecursiveComparison()
                .ignoringFields("durationTicks")
                .isEqualTo(ffprobe);
        // the exact length (Opus: the last granule position less the pre-skip, which ffprobe counts in)
        assertThat(ours.durationTicks()).isCloseTo(3 * Ticks.PER_SECOND, within(Ticks.PER_SECOND / 1000));
        assertThat(ffprobe.durationTicks()).isCloseTo(3 * Ticks.PER_SECOND, within(Ticks.PER_SECOND / 100));
        assertThat(ours.mbRecordingId()).isEqualTo(RECORDING);

        Path misnamed = Files.copy(file, dir.resolve("really-" + format.extension() + ".mp3"));
        assertThat(reader.read(misnamed)).isEqualTo(ours);
        assertThat(OggComments.read(encodeTagged(EncodedFormat.FLAC))).isEmpty();
    }

    private static Path encodeTagged(EncodedFormat format) {
        Map<String, String> meta = new HashMap<>(Map.of(
                "title",
                "Thé Song",
                "artist",
                "The Artist",
                "album",
                "The Album",
                "album_artist",
                "Various Artists",
                "track",
                "3/12",
                "disc",
                "1/2",
                "date",
                "2021",
                "genre",
                "Jazz"));
        if (format == EncodedFormat.FLAC || format == EncodedFormat.OGG || format == EncodedFormat.OPUS) {
            meta.putAll(Map.of(
                    "MUSICBRAINZ_TRACKID",
                    RECORDING,
                    "MUSICBRAINZ_ALBUMID",
                    RELEASE,
                    "MUSICBRAINZ_RELEASEGROUPID",
                    GROUP,
                    "MUSICBRAINZ_ARTISTID",
                    ARTIST,
                    "MUSICBRAINZ_ALBUMARTISTID",
                    ALBUM_ARTIST));
        }
        Path out = AudioEncoder.encode(wav, dir.resolve("tagged." + format.extension()), format, meta);
        if (format == EncodedFormat.MP3 || format == EncodedFormat.M4A || format == EncodedFormat.WAV) {
            Map<FieldKey, String> ids = new EnumMap<>(FieldKey.class);
            ids.put(FieldKey.MUSICBRAINZ_TRACK_ID, RECORDING);
            ids.put(FieldKey.MUSICBRAINZ_RELEASEID, RELEASE);
            ids.put(FieldKey.MUSICBRAINZ_RELEASE_GROUP_ID, GROUP);
            ids.put(FieldKey.MUSICBRAINZ_ARTISTID, ARTIST);
            ids.put(FieldKey.MUSICBRAINZ_RELEASEARTISTID, ALBUM_ARTIST);
            if (format == EncodedFormat.WAV) {
                ids.put(FieldKey.TITLE, "Thé Song");
                ids.put(FieldKey.ARTIST, "The Artist");
                ids.put(FieldKey.ALBUM, "The Album");
                ids.put(FieldKey.ALBUM_ARTIST, "Various Artists");
                ids.put(FieldKey.TRACK, "3");
                ids.put(FieldKey.TRACK_TOTAL, "12");
                ids.put(FieldKey.DISC_NO, "1");
                ids.put(FieldKey.DISC_TOTAL, "2");
                ids.put(FieldKey.YEAR, "2021");
                ids.put(FieldKey.GENRE, "Jazz");
            }
            TagWriter.write(out, ids);
        }
        return out;
    }
}
