package io.wkmp.ingest.testkit.library;

import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.SynthAudio;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A synthesized music library on disk with the fake catalogue that knows it: single-song files in several
 * formats (tagged title/artist/album/track), multi-segment album files (songs separated by digital silence),
 * corrupt files and byte-identical duplicates. Every song is seeded music registered in the catalogue with
 * the fpcalc fingerprint of its lossless rendering, so a lossy copy still matches by bit similarity. The
 * exact synthesized boundaries of every song are kept for timing assertions. Build with {@link #builder}.
 */
public final class SynthLibrary {
    /** The one artist of the library. */
    public static final String ARTIST = "a7000000-0000-4000-8000-000000000001";
    /** The release of the single-song files, in the order they were added. */
    public static final String SINGLES = "b7000000-0000-4000-8000-000000000001";

    private static final int RATE = 44_100;

    /** A song within a file: its catalogue recording and its synthesized first/last+1 millisecond. */
    public record Track(String recordingMbid, String title, long startMs, long endMs) {}

    /** A file written into the library; {@code tracks} is empty for corrupt files and duplicates. */
    public record LibraryFile(String relativePath, Kind kind, List<Track> tracks, String duplicateOf) {
        /** What a file is meant to test. */
        public enum Kind {
            SONG,
            ALBUM,
            CORRUPT,
            DUPLICATE
        }
    }

    private final Path folder;
    private final FakeCatalog catalog;
    private final List<LibraryFile> files;

    private SynthLibrary(Path folder, FakeCatalog catalog, List<LibraryFile> files) {
        this.folder = folder;
        this.catalog = catalog;
        this.files = List.copyOf(files);
    }

    /** A builder writing into {@code folder} (created when missing). */
    public static Builder builder(Path folder) {
        return new Builder(folder);
    }

    public Path folder() {
        return folder;
    }

    public FakeCatalog catalog() {
        return catalog;
    }

    public List<LibraryFile> files() {
        return files;
    }

    /** Copies the library's files into {@code target} (e.g. a fresh root's music folder); returns {@code target}. */
    public Path copyTo(Path target) {
        try (var all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(folder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one kind, in the order they were added. */
    public List<LibraryFile> files(LibraryFile.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The file at {@code relativePath} (relative to {@link #folder()}). */
    public Optional<LibraryFile> file(String relativePath) {
        return files.stream().filter(f -> f.relativePath().equals(relativePath)).findFirst();
    }

    /** Recording MBID of song number {@code n} (0-based, in the order songs were added, album tracks included). */
    public static String recording(int n) {
        return String.format("c7000000-0000-4000-8000-%012d", n);
    }

    /** MBID of the work song number {@code n} records (each song is a recording of its own work). */
    public static String work(int n) {
        return String.format("d7000000-0000-4000-8000-%012d", n);
    }

    /** Collects the library's plan, then writes it. */
    public static final class Builder {
        private final Path folder;
        private final List<Runnable> plan = new ArrayList<>();
        private final List<LibraryFile> files = new ArrayList<>();
        private final FakeCatalog.Builder catalog = FakeCatalog.builder().artist(ARTIST, "The Synthesists");
        private final List<String> singles = new ArrayList<>();
        private final Map<String, List<String>> albums = new LinkedHashMap<>();
        private Path scratch;
        private int songs;
        private String lastFingerprint;
        private long lastMillis;

        private Builder(Path folder) {
            this.folder = folder;
        }

        /** A single-song file of {@code millis} of music in {@code format}, tagged and named as a track of the singles release. */
        public Builder song(EncodedFormat format, long millis) {
            return song(format, millis, null);
        }

        /**
         * As {@link #song(EncodedFormat, long)}, its tags also naming recording {@code tagRecordingMbid} (a
         * MusicBrainz recording id in FLAC/Ogg Vorbis comments or an MP3 TXXX frame), e.g. another song's: contrary
         * evidence the identification weighs against the file's fingerprint. {@code null}: no recording id.
         */
        public Builder song(EncodedFormat format, long millis, String tagRecordingMbid) {
            String idKey = tagRecordingMbid == null ? null : recordingIdKey(format);
            int n = songs++;
            int track = singles.size() + 1;
            String title = "Song " + (n + 1);
            String path = String.format("The Synthesists/Singles/%02d %s.%s", track, title, format.extension());
            singles.add(recording(n));
            plan.add(() -> {
                Path wav = render(
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
                AudioEncoder.encode(wav, create(path), format, tags);
                files.add(new LibraryFile(
                        path, LibraryFile.Kind.SONG, List.of(new Track(recording(n), title, 0, millis)), null));
            });
            return this;
        }

        /** One file holding songs of {@code trackMillis}, each followed by {@code gapMillis} of digital silence (not the last). */
        public Builder album(EncodedFormat format, String title, long gapMillis, long... trackMillis) {
            String release = String.format("b7000000-0000-4000-8000-%012d", 100 + albums.size());
            List<String> recs = new ArrayList<>();
            albums.put(release + "|" + title, recs);
            int first = songs;
            songs += trackMillis.length;
            String path = "The Synthesists/" + title + "/" + title + "." + format.extension();
            for (int i = 0; i < trackMillis.length; i++) {
                recs.add(recording(first + i));
            }
            plan.add(() -> {
                AudioSynth whole = AudioSynth.builder(RATE, 2);
                List<Track> tracks = new ArrayList<>();
                long at = 0;
                for (int i = 0; i < trackMillis.length; i++) {
                    int n = first + i;
                    String songTitle = title + " " + (i + 1);
                    Path wav = render(
                            AudioSynth.builder(RATE, 2)
                                    .music(trackMillis[i], seed(n))
                                    .build(),
                            "song" + n);
                    register(n, songTitle, trackMillis[i], wav);
                    whole.music(trackMillis[i], seed(n));
                    tracks.add(new Track(recording(n), songTitle, at, at + trackMillis[i]));
                    at += trackMillis[i];
                    if (i < trackMillis.length - 1) {
                        whole.silence(gapMillis);
                        at += gapMillis;
                    }
                }
                Path wav = render(whole.build(), "album" + first);
                AudioEncoder.encode(
                        wav, create(path), format, Map.of("album", title, "album_artist", "The Synthesists"));
                files.add(new LibraryFile(path, LibraryFile.Kind.ALBUM, tracks, null));
            });
            return this;
        }

        /**
         * A damaged FLAC file: a real encoding (so it passes the scan's content check) whose audio frames after the
         * first 8 KiB are overwritten with random bytes, as a disk or transfer error would leave it.
         */
        public Builder corrupt(String relativePath) {
            plan.add(() -> {
                Path wav = render(AudioSynth.builder(RATE, 2).music(10_000, 99).build(), "corrupt");
                Path file =
                        AudioEncoder.encode(wav, create(relativePath), EncodedFormat.FLAC, Map.of("title", "Broken"));
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    byte[] junk = new byte[bytes.length - 8192];
                    new Random(relativePath.hashCode()).nextBytes(junk);
                    System.arraycopy(junk, 0, bytes, 8192, junk.length);
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                files.add(new LibraryFile(relativePath, LibraryFile.Kind.CORRUPT, List.of(), null));
            });
            return this;
        }

        /** A byte-identical copy of the first single-song file under {@code relativePath}. */
        public Builder duplicate(String relativePath) {
            plan.add(() -> {
                LibraryFile original = files.stream()
                        .filter(f -> f.kind() == LibraryFile.Kind.SONG)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("add a song before its duplicate"));
                try {
                    Files.copy(folder.resolve(original.relativePath()), create(relativePath));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                files.add(
                        new LibraryFile(relativePath, LibraryFile.Kind.DUPLICATE, List.of(), original.relativePath()));
            });
            return this;
        }

        /** Writes every file (encoding with ffmpeg, fingerprinting with fpcalc) and returns the library. */
        public SynthLibrary build() {
            try {
                Files.createDirectories(folder);
                scratch = Files.createTempDirectory("synth-library");
                plan.forEach(Runnable::run);
                catalog.release(SINGLES, "Singles", "2024-01-01", ARTIST, singles);
                albums.forEach((key, recs) -> catalog.release(
                        key.substring(0, key.indexOf('|')),
                        key.substring(key.indexOf('|') + 1),
                        "2024-06-01",
                        ARTIST,
                        recs));
                return new SynthLibrary(folder, catalog.build(), files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteScratch();
            }
        }

        private void register(int n, String title, long millis, Path wav) {
            catalog.work(work(n), title + " (work)");
            lastFingerprint = fpcalc(wav);
            lastMillis = millis;
            catalog.recording(recording(n), title, millis, ARTIST, work(n), lastFingerprint);
        }

        /**
         * Catalogues the song added last a second time, as recording {@code recordingMbid} titled {@code title} on no
         * release (the same audio, e.g. a re-issue): AcoustID's lookup of the file then matches both recordings alike.
         */
        public Builder alsoRecordedAs(String recordingMbid, String title) {
            plan.add(() -> catalog.recording(recordingMbid, title, lastMillis, ARTIST, null, lastFingerprint));
            return this;
        }

        private Path render(SynthAudio audio, String name) {
            return audio.writeWav(scratch.resolve(name + ".wav"));
        }

        private Path create(String relativePath) {
            Path p = folder.resolve(relativePath);
            try {
                Files.createDirectories(p.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
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

        private void deleteScratch() {
            if (scratch == null) {
                return;
            }
            try (var paths = Files.list(scratch)) {
                for (Path p : paths.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }

    /** The compressed fingerprint fpcalc computes for {@code file}. */
    static String fpcalc(Path file) {
        try {
            Process p = new ProcessBuilder("fpcalc", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(); // fpcalc exits 3 on a harmless "end of file" decode warning; the fingerprint line decides
            return out.lines()
                    .filter(l -> l.startsWith("FINGERPRINT="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fingerprint from fpcalc: " + out))
                    .substring("FINGERPRINT=".length());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run fpcalc (installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
