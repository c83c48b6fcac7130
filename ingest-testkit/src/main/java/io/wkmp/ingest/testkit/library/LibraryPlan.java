package io.wkmp.ingest.testkit.library;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.Fpcalc;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SynthLibrary} is made: the files planned by its {@link SynthLibrary.Builder}, each rendered from seeded
 * music, encoded with ffmpeg, fingerprinted with fpcalc and registered in the fake catalogue when the library is
 * built.
 */
final class LibraryPlan {
    private static final int RATE = 44_100;

    private final Path folder;
    private final List<Runnable> plan = new ArrayList<>();
    private final List<SynthLibrary.LibraryFile> files = new ArrayList<>();
    private final FakeCatalog.Builder catalog = FakeCatalog.builder().artist(SynthLibrary.ARTIST, "The Synthesists");
    private final List<String> singles = new ArrayList<>();
    private final Map<String, List<String>> albums = new LinkedHashMap<>();
    private LibraryFiles out;
    private int songs;
    private String lastFingerprint;
    private long lastMillis;

    LibraryPlan(Path folder) {
        this.folder = folder;
    }

    /** Plans what {@link SynthLibrary.Builder#song} says. */
    void song(EncodedFormat format, long millis, String tagRecordingMbid) {
        String idKey = tagRecordingMbid == null ? null : recordingIdKey(format);
        int n = songs++;
        int track = singles.size() + 1;
        String title = "Song " + (n + 1);
        String path = String.format("The Synthesists/Singles/%02d %s.%s", track, title, format.extension());
        singles.add(SynthLibrary.recording(n));
        plan.add(() -> {
            Path wav = out.render(
                    AudioSynth.builder(RATE, 2).music(millis, seed(n)).build(), "song" + n);
            register(n, title, millis, wav);
            Map<String, String> tags = new LinkedHashMap<>(Map.of(
                    "title",
                    title,
                    "artist",
                    "The Synthesists",
                    "album_artist",
                    "The Synthesists",
                    "album",
                    "Singles",
                    "track",
                    String.valueOf(track)));
            if (idKey != null) {
                tags.put(idKey, tagRecordingMbid);
            }
            AudioEncoder.encode(wav, out.create(path), format, tags);
            files.add(new SynthLibrary.LibraryFile(
                    path,
                    SynthLibrary.LibraryFile.Kind.SONG,
                    List.of(new SynthLibrary.Track(SynthLibrary.recording(n), title, 0, millis)),
                    null));
        });
    }

    /** Plans what {@link SynthLibrary.Builder#album} says. */
    void album(EncodedFormat format, String title, long gapMillis, long... trackMillis) {
        String release = String.format("b7000000-0000-4000-8000-%012d", 100 + albums.size());
        List<String> recs = new ArrayList<>();
        albums.put(release + "|" + title, recs);
        int first = songs;
        songs += trackMillis.length;
        String path = "The Synthesists/" + title + "/" + title + "." + format.extension();
        for (int i = 0; i < trackMillis.length; i++) {
            recs.add(SynthLibrary.recording(first + i));
        }
        plan.add(() -> {
            AudioSynth whole = AudioSynth.builder(RATE, 2);
            List<SynthLibrary.Track> tracks = new ArrayList<>();
            long at = 0;
            for (int i = 0; i < trackMillis.length; i++) {
                int n = first + i;
                String songTitle = title + " " + (i + 1);
                Path wav = out.render(
                        AudioSynth.builder(RATE, 2)
                                .music(trackMillis[i], seed(n))
                                .build(),
                        "song" + n);
                register(n, songTitle, trackMillis[i], wav);
                whole.music(trackMillis[i], seed(n));
                tracks.add(new SynthLibrary.Track(SynthLibrary.recording(n), songTitle, at, at + trackMillis[i]));
                at += trackMillis[i];
                if (i < trackMillis.length - 1) {
                    whole.silence(gapMillis);
                    at += gapMillis;
                }
            }
            Path wav = out.render(whole.build(), "album" + first);
            AudioEncoder.encode(
                    wav, out.create(path), format, Map.of("album", title, "album_artist", "The Synthesists"));
            files.add(new SynthLibrary.LibraryFile(path, SynthLibrary.LibraryFile.Kind.ALBUM, tracks, null));
        });
    }

    /** Plans what {@link SynthLibrary.Builder#corrupt} says. */
    void corrupt(String relativePath) {
        plan.add(() -> {
            Path wav = out.render(AudioSynth.builder(RATE, 2).music(10_000, 99).build(), "corrupt");
            Path file =
                    AudioEncoder.encode(wav, out.create(relativePath), EncodedFormat.FLAC, Map.of("title", "Broken"));
            out.damage(file, 8192, relativePath.hashCode());
            files.add(
                    new SynthLibrary.LibraryFile(relativePath, SynthLibrary.LibraryFile.Kind.CORRUPT, List.of(), null));
        });
    }

    /** Plans what {@link SynthLibrary.Builder#duplicate} says. */
    void duplicate(String relativePath) {
        plan.add(() -> {
            SynthLibrary.LibraryFile original = files.stream()
                    .filter(f -> f.kind() == SynthLibrary.LibraryFile.Kind.SONG)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("add a song before its duplicate"));
            out.copy(original.relativePath(), relativePath);
            files.add(new SynthLibrary.LibraryFile(
                    relativePath, SynthLibrary.LibraryFile.Kind.DUPLICATE, List.of(), original.relativePath()));
        });
    }

    /** Writes every planned file and returns the library. */
    SynthLibrary build() {
        try (LibraryFiles writer = new LibraryFiles(folder)) {
            out = writer;
            plan.forEach(Runnable::run);
            catalog.release(SynthLibrary.SINGLES, "Singles", "2024-01-01", SynthLibrary.ARTIST, singles);
            albums.forEach((key, recs) -> catalog.release(
                    key.substring(0, key.indexOf('|')),
                    key.substring(key.indexOf('|') + 1),
                    "2024-06-01",
                    SynthLibrary.ARTIST,
                    recs));
            return new SynthLibrary(folder, catalog.build(), files);
        }
    }

    private void register(int n, String title, long millis, Path wav) {
        catalog.work(SynthLibrary.work(n), title + " (work)");
        lastFingerprint = Fpcalc.fingerprint(wav);
        lastMillis = millis;
        catalog.recording(
                SynthLibrary.recording(n), title, millis, SynthLibrary.ARTIST, SynthLibrary.work(n), lastFingerprint);
    }

    /** Plans what {@link SynthLibrary.Builder#alsoRecordedAs} says. */
    void alsoRecordedAs(String recordingMbid, String title) {
        plan.add(() -> catalog.recording(recordingMbid, title, lastMillis, SynthLibrary.ARTIST, null, lastFingerprint));
    }

    /** The tag key ffmpeg writes a MusicBrainz recording id under for {@code format}. */
    private static String recordingIdKey(EncodedFormat format) {
        return switch (format.extension()) {
            case "flac", "ogg" -> "MUSICBRAINZ_TRACKID";
            case "mp3" -> "MusicBrainz Track Id";
            default ->
                throw new IllegalArgumentException("ffmpeg cannot write a recording id into " + format.extension());
        };
    }

    private static long seed(int n) {
        return 7_000 + 31L * n;
    }
}
