package io.wkmp.ingest.testkit.library;

import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    SynthLibrary(Path folder, FakeCatalog catalog, List<LibraryFile> files) {
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
        private final LibraryPlan plan;

        private Builder(Path folder) {
            this.plan = new LibraryPlan(folder);
        }

        /** A single-song file of {@code millis} of music in {@code format}, tagged and named as a track of the singles release. */
        public Builder song(EncodedFormat format, long millis) {
            plan.song(format, millis, null);
            return this;
        }

        /**
         * As {@link #song(EncodedFormat, long)}, its tags also naming recording {@code tagRecordingMbid} (a
         * MusicBrainz recording id in FLAC/Ogg Vorbis comments or an MP3 TXXX frame), e.g. another song's: contrary
         * evidence the identification weighs against the file's fingerprint. {@code null}: no recording id.
         */
        public Builder song(EncodedFormat format, long millis, String tagRecordingMbid) {
            plan.song(format, millis, tagRecordingMbid);
            return this;
        }

        /** One file holding songs of {@code trackMillis}, each followed by {@code gapMillis} of digital silence (not the last). */
        public Builder album(EncodedFormat format, String title, long gapMillis, long... trackMillis) {
            plan.album(format, title, gapMillis, trackMillis);
            return this;
        }

        /**
         * A damaged FLAC file: a real encoding (so it passes the scan's content check) whose audio frames after the
         * first 8 KiB are overwritten with random bytes, as a disk or transfer error would leave it.
         */
        public Builder corrupt(String relativePath) {
            plan.corrupt(relativePath);
            return this;
        }

        /** A byte-identical copy of the first single-song file under {@code relativePath}. */
        public Builder duplicate(String relativePath) {
            plan.duplicate(relativePath);
            return this;
        }

        /**
         * Catalogues the song added last a second time, as recording {@code recordingMbid} titled {@code title} on no
         * release (the same audio, e.g. a re-issue): AcoustID's lookup of the file then matches both recordings alike.
         */
        public Builder alsoRecordedAs(String recordingMbid, String title) {
            plan.alsoRecordedAs(recordingMbid, title);
            return this;
        }

        /** Writes every file (encoding with ffmpeg, fingerprinting with fpcalc) and returns the library. */
        public SynthLibrary build() {
            return plan.build();
        }
    }
}
