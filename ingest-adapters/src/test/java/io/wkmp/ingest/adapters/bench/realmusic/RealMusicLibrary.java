package io.wkmp.ingest.adapters.bench.realmusic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.TagWriter;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeCatalogJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jaudiotagger.tag.FieldKey;

/**
 * Builds the real-music library of {@code bench/identify.sh} and {@code bench/import.sh} (docs/benchmarks.md
 * "Identification on real music"): real recordings from three Debian music packages re-encoded into a messy
 * library, the fake catalogue that knows them (with decoy releases), and the ground truth.
 *
 * <pre>java ... RealMusicLibrary SRC OUT</pre>
 *
 * SRC is the tree {@code dpkg-deb -x} made of wesnoth-1.16-music, warzone2100-music and singularity-music;
 * OUT receives {@code library/} (the audio files), {@code catalogue.json} ({@link FakeCatalogJson}),
 * {@code manifest.json} ({@link Manifest}) and {@code copyright/} (the packages' licences).
 *
 * <p>The world it models: every recording is rendered once from a package track into a lossless master (44.1
 * kHz, 16-bit): long tracks become 55-80 s edits ending in a 3 s fade, so that about two hours of audio hold
 * 100+ passages; a few masters get a quiet intro or a quiet interlude. The catalogue's fingerprints are
 * {@code fpcalc -raw -length 0} of these masters, never of the lossy library files. Ids are name-based UUIDs,
 * stable from build to build.
 */
public final class RealMusicLibrary {
    private static final EncodedFormat FLAC = EncodedFormat.FLAC, MP3 = EncodedFormat.MP3, OGG = EncodedFormat.OGG;
    private static final EncodedFormat M4A = EncodedFormat.M4A, OPUS = EncodedFormat.OPUS, WAV = EncodedFormat.WAV;

    /** Bumped whenever the library's content changes; written to the manifest. */
    static final int VERSION = 1;

    private static final String VARIOUS_ARTISTS = "89ad4ac3-39f7-470e-963a-56509c546377";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A track of a package, with the package's own metadata. */
    record Source(String key, Path file, String title, String artist, String album, String date, double seconds) {}

    /** How a master is made from its source. */
    enum Shape {
        /** the whole track */
        FULL,
        /** the first {@code seconds}, with a 3 s fade-out */
        EDIT,
        /** a short quiet sound, near-silence, then the edit */
        QUIET_INTRO,
        /** the edit with a few seconds ducked to a quiet level in the middle */
        QUIET_INTERLUDE
    }

    /** A recording of the fake world. */
    static final class Rec {
        final String key;
        final String id;
        final Source source;
        final String title;
        final String artist;
        Shape shape;
        double seconds;
        /** QUIET_INTRO: near-silence after the intro sound; QUIET_INTERLUDE: the stretch's held length. */
        double quietSeconds;
        /** QUIET_INTERLUDE: the stretch's RMS level. */
        double quietDbfs;
        /** QUIET_INTRO: digital silence before the intro sound. */
        double leadSilence;
        /** false: MusicBrainz knows it, AcoustID has no fingerprint for it. */
        boolean fingerprinted = true;
        /** false: not in the catalogue at all. */
        boolean catalogued = true;
        /** Another recording's id whose work this one performs (a decoy mix of the same song). */
        String workOf;

        Path master;
        int frames;
        int[] fingerprint;

        Rec(String key, String id, Source source, String title, String artist) {
            this.key = key;
            this.id = id;
            this.source = source;
            this.title = title;
            this.artist = artist;
        }

        double lengthS() {
            return frames / (double) Pcm.RATE;
        }
    }

    /** A release: media of recordings in track order. */
    record Rel(String id, String title, String date, String artist, List<List<Rec>> media) {
        int trackCount() {
            return media.stream().mapToInt(List::size).sum();
        }
    }

    /** A stretch between recordings in a file: digital silence ({@code dbfs} null) or noise at an RMS level. */
    record Gap(double seconds, Double dbfs) {}

    /** How a file is tagged. */
    enum Tagging {
        NONE,
        /** title/artist/album/track/disc/date as the package or a ripper writes them */
        PLAIN,
        /** PLAIN plus the MusicBrainz ids Picard writes */
        PICARD,
        /** only the album: how single-file rips are usually tagged */
        ALBUM_ONLY,
        /** "Unknown Artist" / "Unknown Album" / "Track NN" */
        PLACEHOLDER
    }

    /** A file to write: its recordings and gaps in order, how it is tagged, what its bytes are. */
    static final class LibFile {
        final String path;
        final String label;
        /** the format of the bytes (the extension may lie) */
        final EncodedFormat container;
        /** {@link Rec}s and {@link Gap}s in order */
        final List<Object> items;

        Tagging tagging = Tagging.NONE;
        /** whose tags it carries: its own recording, or another for misleading tags */
        Rec tagsOf;
        /** where the tags place it: release, disc and track (disc and track 0 for a whole-album rip) */
        Rel release;

        int disc;
        int track;
        /** the tags in words, for the manifest */
        String says = "none";

        LibFile(String path, String label, EncodedFormat container, List<Object> items) {
            this.path = path;
            this.label = label;
            this.container = container;
            this.items = items;
        }

        LibFile tagged(Tagging t, Rec as, Rel rel, int disc, int track) {
            this.tagging = t;
            this.tagsOf = as;
            this.release = rel;
            this.disc = disc;
            this.track = track;
            this.says = switch (t) {
                case NONE -> "none";
                case PLAIN -> "title/artist/album/track, no MusicBrainz ids";
                case PICARD -> "title/artist/album/track and MusicBrainz ids (as Picard writes them)";
                case ALBUM_ONLY -> "album only";
                case PLACEHOLDER -> String.format("Unknown Artist / Unknown Album / Track %02d", track);
            };
            return this;
        }

        LibFile says(String words) {
            this.says = words;
            return this;
        }
    }

    private final Path src;
    private final Path out;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Rec> recs = new LinkedHashMap<>();
    private final List<Rel> releases = new ArrayList<>();
    private final List<LibFile> files = new ArrayList<>();
    private final Map<String, String> artistIds = new TreeMap<>();
    private FakeCatalog catalog;

    private RealMusicLibrary(Path src, Path out) {
        this.src = src;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RealMusicLibrary SRC OUT   (SRC: dpkg-deb -x of the three music packages)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        RealMusicLibrary b = new RealMusicLibrary(Path.of(args[0]), Path.of(args[1]));
        b.loadSources();
        b.plan();
        Manifest m = b.build();
        System.out.print(summary(m));
        System.out.printf(Locale.ROOT, "built in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- sources

    private void loadSources() throws IOException {
        Path wesnoth = src.resolve("usr/share/games/wesnoth/1.16/data/core/music");
        Path singularity = src.resolve("usr/share/games/singularity/music");
        Path warzone = src.resolve("usr/share/games/warzone2100/music");
        for (Path d : List.of(wesnoth, singularity, warzone)) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException(d + " is missing: is " + src + " the dpkg-deb -x of the packages?");
            }
        }
        for (Path f : list(wesnoth, ".ogg")) {
            addTagged("wesnoth/", f);
        }
        for (Path f : list(singularity, ".ogg")) {
            addTagged("singularity/", f);
        }
        try (Stream<Path> albums = Files.list(warzone.resolve("albums"))) {
            for (Path album : albums.sorted().toList()) {
                JsonNode a = JSON.readTree(album.resolve("album.json").toFile());
                for (JsonNode t : a.path("tracks")) {
                    Path f = album.resolve(t.path("filename").asText());
                    sources.put(
                            "warzone/" + stem(f),
                            new Source(
                                    "warzone/" + stem(f),
                                    f,
                                    t.path("title").asText(),
                                    t.path("author").asText(),
                                    a.path("title").asText(),
                                    a.path("date").asText(),
                                    probe(f).path("format").path("duration").asDouble()));
                }
            }
        }
        Path menu = warzone.resolve("menu.opus");
        sources.put(
                "warzone/menu",
                new Source(
                        "warzone/menu",
                        menu,
                        "Menu Theme",
                        "Warzone 2100 Project",
                        null,
                        "2004",
                        probe(menu).path("format").path("duration").asDouble()));
    }

    private void addTagged(String prefix, Path f) {
        JsonNode p = probe(f);
        Map<String, String> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        p.path("streams")
                .forEach(s -> s.path("tags")
                        .properties()
                        .forEach(e -> tags.put(e.getKey(), e.getValue().asText())));
        String key = prefix + stem(f);
        sources.put(
                key,
                new Source(
                        key,
                        f,
                        tags.getOrDefault("title", stem(f)),
                        tags.getOrDefault("artist", "Unknown"),
                        tags.get("album"),
                        tags.getOrDefault("date", ""),
                        p.path("format").path("duration").asDouble()));
    }

    private static JsonNode probe(Path f) {
        String json = run(List.of(
                "ffprobe", "-v", "error", "-show_entries", "format=duration:stream_tags", "-of", "json", "file:" + f));
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the plan

    /** The recording of source {@code key}: an edit of long tracks, the whole of short ones. */
    private Rec rec(String key) {
        return recs.computeIfAbsent(key, k -> {
            Source s = source(k);
            Rec r = new Rec(k, uuid("recording/" + k), s, s.title(), s.artist());
            if (s.seconds() <= 100) {
                r.shape = Shape.FULL;
                r.seconds = s.seconds();
            } else {
                r.shape = Shape.EDIT;
                r.seconds = 55 + crc(k) % 26;
            }
            return r;
        });
    }

    private Source source(String key) {
        Source s = sources.get(key);
        if (s == null) {
            throw new IllegalStateException("no package track " + key + " (the packages changed?)");
        }
        return s;
    }

    /** The recordings of {@code names} (comma- or line-separated source names under {@code prefix}). */
    private List<Rec> recs(String prefix, String names) {
        return Arrays.stream(names.strip().split("\\s*[,\\n]\\s*"))
                .map(s -> rec(prefix + s))
                .toList();
    }

    private Rel release(String key, String title, String date, String artist, List<List<Rec>> media) {
        Rel r = new Rel(uuid("release/" + key), title, date, artist, media);
        releases.add(r);
        return r;
    }

    /** A file of {@code items} ({@link Rec}s and {@link Gap}s); untagged until {@link LibFile#tagged}. */
    private LibFile file(String path, String label, EncodedFormat container, Object... items) {
        LibFile f = new LibFile(path, label, container, List.of(items));
        files.add(f);
        return f;
    }

    private void plan() {
        // -- the recordings whose master is not a plain edit
        for (Rec r : recs("warzone/", "track1, track2, track3")) {
            r.shape = Shape.FULL;
            r.seconds = r.source.seconds();
        }
        intro(rec("singularity/Inevitable"), 0.8, 0);
        intro(rec("singularity/Media Threat"), 0.9, 1.5);
        intro(rec("warzone/track8"), 1.1, 0);
        interlude(rec("wesnoth/silvan_sanctuary"), 2.5, -40);
        interlude(rec("wesnoth/knalgan_theme"), 3.0, -44);
        interlude(rec("warzone/track9"), 4.0, -47);
        rec("warzone/track16").fingerprinted = false;
        rec("warzone/menu").fingerprinted = false;
        rec("wesnoth/frantic").catalogued = false;
        rec("wesnoth/victory2").catalogued = false;

        // -- releases: the packages' albums (track order: the package tags, album.json, else alphabetical) ...
        List<Rec> d1 = recs("wesnoth/", """
                traveling_minstrels, breaking_the_chains, siege_of_laurelmor, the_city_falls, elf-land, elvish-theme,
                silvan_sanctuary, love_theme, legends_of_the_north, northern_mountains, knalgan_theme, revelation,
                loyalists, wanderer, heroes_rite, battle-epic, journeys_end""");
        List<Rec> d2 = recs("wesnoth/", """
                main_menu, the_deep_path, the_dangerous_symphony, underground, into_the_shadows, frantic-old, knolls,
                vengeful, battle, nunc_dimittis, weight_of_revenge, northerners, casualties_of_war, sad, suspense,
                the_king_is_dead, transience""");
        Rel wesnoth = release("wesnoth", "The Battle for Wesnoth OST", "2010", "Wesnoth Project", List.of(d1, d2));
        List<Rec> arTracks = recs("singularity/", """
                A New Journey, Aberrations, Enemy Unknown, Nebula, Orbital Elevator, Through Space""");
        Rel ar = release(
                "singularity-ar",
                "Endgame: Singularity (Advanced Research)",
                "2012-12-15",
                "Maxstack",
                List.of(arTracks));
        List<Rec> ostTracks = recs("singularity/", """
                Advanced Simulacra, Awakening, By-Product, Coherence, Deprecation, Inevitable, Media Threat,
                Chimes They Fade, March Thee to Dis, Apex Aleph""");
        Rel singOst = release(
                "singularity-ost",
                "Endgame: Singularity Original Soundtrack",
                "2012-12-15",
                "Maxstack",
                List.of(ostTracks));
        List<Rec> wzTracks = recs("warzone/", "track1, track2, track3");
        Rel wzOst = release("warzone-ost", "Warzone 2100 OST", "1999", "Martin Severn", List.of(wzTracks));
        List<Rec> legacy = recs("warzone/", """
                track4, track5, track6, track7, track8, track9, track10, track11, track12, track13, track14, track15,
                track16""");
        Rel wzLegacy = release("warzone-legacy", "Legacy Soundtrack", "2020", "LupusMechanicus", List.of(legacy));
        List<Rec> aftermath = recs("warzone/", """
                menu_enhanced, track3_enhanced, track17, track18, track19, track20, track21, track22, track23, track24,
                track25, track26, track27""");
        Rel wzAftermath =
                release("warzone-aftermath", "Aftermath Soundtrack", "2021", "LupusMechanicus", List.of(aftermath));
        // ... the compilation and the LP the library holds, two singles ...
        List<Rec> sampled = List.of(
                rec("singularity/March Thee to Dis"),
                rec("singularity/Apex Aleph"),
                rec("warzone/track13"),
                rec("wesnoth/frantic-old"),
                rec("wesnoth/love_theme"),
                rec("wesnoth/return_to_wesnoth"));
        Rel sampler = release("sampler", "Free Game Music Sampler", "2015", "Various Artists", List.of(sampled));
        List<Rec> lp = d1.subList(0, 5);
        Rel selections =
                release("wesnoth-lp", "The Battle for Wesnoth: Selections", "2012", "Wesnoth Project", List.of(lp));
        release(
                "single-return",
                "Return to Wesnoth",
                "2009",
                "Mattias Westlund",
                List.of(recs("wesnoth/", "return_to_wesnoth")));
        release("single-menu", "Menu Theme", "2004", "Warzone 2100 Project", List.of(recs("warzone/", "menu")));
        // ... and decoys, so that the right release is never the only candidate: same title with another track
        // count, same title with other recordings (demo mixes AcoustID does not know), compilations
        List<Rec> early = new ArrayList<>(d1.subList(0, 10));
        early.addAll(d2.subList(0, 2));
        release("decoy-wesnoth-2008", "The Battle for Wesnoth OST", "2008", "Wesnoth Project", List.of(early));
        List<Rec> demos = new ArrayList<>();
        for (Rec r : ostTracks) {
            Rec demo = new Rec(r.key + "#demo", uuid("recording/" + r.key + "#demo"), r.source, r.title, r.artist);
            demo.fingerprinted = false;
            demo.workOf = r.key;
            recs.put(demo.key, demo);
            demos.add(demo);
        }
        release(
                "decoy-singularity-demos",
                "Endgame: Singularity Original Soundtrack",
                "2010",
                "Maxstack",
                List.of(demos));
        List<Rec> deluxe = new ArrayList<>(legacy);
        deluxe.addAll(recs("warzone/", "menu_enhanced, track17, track18"));
        release("decoy-legacy-deluxe", "Legacy Soundtrack", "2021", "LupusMechanicus", List.of(deluxe));
        List<Rec> wz2004 = recs("warzone/", "track1, track2, track3, track3_enhanced");
        release("decoy-warzone-2004", "Warzone 2100 OST", "2004", "Martin Severn", List.of(wz2004));
        List<Rec> best = List.of(
                rec("wesnoth/knolls"),
                rec("singularity/Through Space"),
                rec("warzone/track4"),
                rec("singularity/Awakening"),
                rec("wesnoth/journeys_end"),
                rec("warzone/track1"));
        release("decoy-best-of", "Best of Free Game Music", "2016", "Various Artists", List.of(best));

        // -- tagged albums in six formats; a file's case is its hardest trait (quiet intro/interlude, hidden track)
        albumFiles(
                "Wesnoth Project/The Battle for Wesnoth OST/Disc 1/%02d - %s.flac",
                "album-flac", FLAC, wesnoth, 1, d1, Tagging.PICARD);
        albumFiles(
                "Wesnoth Project/The Battle for Wesnoth OST/Disc 2/2-%02d %s.mp3",
                "album-mp3", MP3, wesnoth, 2, d2.subList(0, 9), Tagging.PLAIN);
        albumFiles(
                "Maxstack/Endgame Singularity (Advanced Research)/%02d %s.ogg",
                "album-ogg", OGG, ar, 1, arTracks.subList(0, 4), Tagging.PLAIN);
        albumFiles(
                "Maxstack/Endgame Singularity Original Soundtrack/%02d %s.m4a",
                "album-m4a", M4A, singOst, 1, ostTracks.subList(0, 7), Tagging.PICARD);
        albumFiles(
                "LupusMechanicus/Legacy Soundtrack/%02d %s.opus",
                "album-opus", OPUS, wzLegacy, 1, legacy.subList(0, 6), Tagging.PICARD);
        albumFiles(
                "LupusMechanicus/Legacy Soundtrack/%02d %s.opus",
                "album-opus", OPUS, wzLegacy, 1, legacy.subList(11, 12), Tagging.PICARD);
        albumFiles(
                "LupusMechanicus/Legacy Soundtrack/%02d %s.wav",
                "album-wav", WAV, wzLegacy, 1, legacy.subList(6, 9), Tagging.PICARD);
        albumFiles(
                "Various Artists/Free Game Music Sampler/%02d %s.mp3",
                "compilation", MP3, sampler, 1, sampled, Tagging.PLAIN);
        // the last track of a disc with a hidden track after minutes of near-silence
        file(
                        "Wesnoth Project/The Battle for Wesnoth OST/Disc 2/2-17 Transience.mp3",
                        "hidden-track",
                        MP3,
                        d2.get(16),
                        new Gap(150, -70.0),
                        rec("wesnoth/return_to_wesnoth"))
                .tagged(Tagging.PLAIN, d2.get(16), wesnoth, 2, 17)
                .says("Transience, disc 2 track 17 (no word of the hidden track)");
        file(
                        "Maxstack/Endgame Singularity (Advanced Research)/06 Through Space.ogg",
                        "hidden-track",
                        OGG,
                        arTracks.get(5),
                        new Gap(120, -75.0),
                        rec("singularity/Chimes They Fade"))
                .tagged(Tagging.PLAIN, arTracks.get(5), ar, 1, 6)
                .says("Through Space, track 6 (no word of the hidden track)");

        // -- single-file album rips: digital-silence gaps, and -55 dBFS noise gaps (vinyl)
        Gap cd = new Gap(2, null);
        Gap vinyl = new Gap(3, -55.0);
        Gap groove = new Gap(1.5, -55.0);
        rip("Rips/Martin Severn - Warzone 2100 OST.ogg", "rip-silence", OGG, wzOst, wzTracks, cd, null);
        rip("Rips/LupusMechanicus - Aftermath Soundtrack.flac", "rip-silence", FLAC, wzAftermath, aftermath, cd, null);
        rip(
                "Rips/Maxstack - Endgame Singularity (Advanced Research) [CD image].flac",
                "rip-silence",
                FLAC,
                ar,
                arTracks,
                cd,
                null);
        rip(
                "Vinyl/Wesnoth Project - The Battle for Wesnoth Selections (LP).flac",
                "rip-noise",
                FLAC,
                selections,
                lp,
                vinyl,
                groove);
        rip(
                        "Vinyl/Maxstack - Endgame Singularity OST (side A).mp3",
                        "rip-noise",
                        MP3,
                        singOst,
                        ostTracks.subList(0, 5),
                        vinyl,
                        groove)
                .says("album only (side A: tracks 1-5 of 10)");

        // -- loose files: untagged, another song's tags, ripper placeholders, a wrong extension
        file("Unsorted/audio_0001.flac", "untagged", FLAC, rec("wesnoth/nunc_dimittis"));
        file("Unsorted/audio_0002.m4a", "untagged", M4A, rec("wesnoth/weight_of_revenge"));
        file("Unsorted/audio_0003.wav", "untagged", WAV, rec("warzone/track6"));
        file("Unsorted/audio_0004.mp3", "untagged", MP3, rec("singularity/Enemy Unknown"));
        file("Downloads/Tyler Johnson - Casualties of War.mp3", "wrong-tags", MP3, rec("wesnoth/northerners"))
                .tagged(Tagging.PLAIN, rec("wesnoth/casualties_of_war"), wesnoth, 2, 13)
                .says("another song's: Casualties of War (disc 2 track 13)");
        file("Downloads/The Knolls of Doldesh.flac", "wrong-tags", FLAC, rec("wesnoth/suspense"))
                .tagged(Tagging.PICARD, rec("wesnoth/knolls"), wesnoth, 2, 7)
                .says("another song's, MusicBrainz ids included: The Knolls of Doldesh");
        file("Downloads/Doug Kaufman - Battle Epic.ogg", "wrong-tags", OGG, rec("wesnoth/heroes_rite"))
                .tagged(Tagging.PLAIN, rec("wesnoth/battle-epic"), wesnoth, 1, 16)
                .says("the next track's (Battle Epic: same artist, same album)");
        String unknown = "Unknown Artist/Unknown Album/";
        file(unknown + "Track 01.mp3", "placeholder-tags", MP3, rec("wesnoth/casualties_of_war"))
                .tagged(Tagging.PLACEHOLDER, null, null, 0, 1);
        file(unknown + "Track 02.mp3", "placeholder-tags", MP3, rec("wesnoth/sad"))
                .tagged(Tagging.PLACEHOLDER, null, null, 0, 2);
        file(unknown + "Track 03.flac", "placeholder-tags", FLAC, rec("singularity/Awakening"))
                .tagged(Tagging.PLACEHOLDER, null, null, 0, 3);
        file("Downloads/The King is Dead.mp3", "wrong-extension", OGG, rec("wesnoth/the_king_is_dead"))
                .tagged(Tagging.PLAIN, rec("wesnoth/the_king_is_dead"), wesnoth, 2, 16)
                .says("title/artist/album (an Ogg file named .mp3)");
        file("Downloads/track14.mp3", "wrong-extension", OGG, rec("warzone/track14"))
                .says("none (an Ogg file named .mp3)");

        // -- not identifiable: recordings the catalogue lacks, or that AcoustID has no fingerprint of
        file("Downloads/Stephen Rozanc - Frantic.ogg", "unidentifiable", OGG, rec("wesnoth/frantic"))
                .tagged(Tagging.PLAIN, rec("wesnoth/frantic"), null, 0, 0)
                .says("Frantic / Stephen Rozanc: not in the catalogue (which has another \"Frantic\")");
        file("Unsorted/audio_0005.m4a", "unidentifiable", M4A, rec("wesnoth/victory2"))
                .says("none; not in the catalogue");
        file("Unsorted/audio_0006.opus", "unidentifiable", OPUS, rec("warzone/track16"))
                .says("none; AcoustID has no fingerprint of it");
        file("Unsorted/audio_0007.ogg", "unidentifiable", OGG, rec("warzone/menu"))
                .says("none; AcoustID has no fingerprint of it");
    }

    /**
     * One file per recording of {@code tracks} (numbered by their place on {@code disc} of {@code rel}), named by
     * {@code pattern} (track number, title); the quiet-intro and quiet-interlude recordings get those cases.
     */
    private void albumFiles(
            String pattern, String label, EncodedFormat f, Rel rel, int disc, List<Rec> tracks, Tagging t) {
        for (Rec r : tracks) {
            int n = rel.media().get(disc - 1).indexOf(r) + 1;
            String l = r.shape == Shape.QUIET_INTRO
                    ? "quiet-intro"
                    : r.shape == Shape.QUIET_INTERLUDE ? "quiet-interlude" : label;
            file(String.format(pattern, n, safe(r.title)), l, f, r).tagged(t, r, rel, disc, n);
        }
    }

    /** A single-file rip of {@code tracks} separated by {@code gap}, {@code edge} before and after, album tags only. */
    private LibFile rip(String path, String label, EncodedFormat f, Rel rel, List<Rec> tracks, Gap gap, Gap edge) {
        List<Object> items = new ArrayList<>();
        if (edge != null) {
            items.add(edge);
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (i > 0) {
                items.add(gap);
            }
            items.add(tracks.get(i));
        }
        if (edge != null) {
            items.add(edge);
        }
        return file(path, label, f, items.toArray()).tagged(Tagging.ALBUM_ONLY, null, rel, 0, 0);
    }

    private void intro(Rec r, double nearSilence, double leadSilence) {
        r.shape = Shape.QUIET_INTRO;
        r.quietSeconds = nearSilence;
        r.leadSilence = leadSilence;
    }

    private void interlude(Rec r, double held, double dbfs) {
        r.shape = Shape.QUIET_INTERLUDE;
        r.quietSeconds = held;
        r.quietDbfs = dbfs;
    }

    // ---------------------------------------------------------------- building

    private Manifest build() throws Exception {
        Path work = out.resolve(".work");
        Path library = out.resolve("library");
        deleteTree(library);
        deleteTree(work);
        Files.createDirectories(work.resolve("masters"));
        Files.createDirectories(library);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Rec> toRender =
                    recs.values().stream().filter(r -> !r.key.contains("#")).toList();
            all(
                    pool,
                    toRender.stream()
                            .map(r -> (Runnable) () -> render(r, work.resolve("masters")))
                            .toList());
            for (Rec r : recs.values()) {
                if (r.key.contains("#")) { // a decoy mix: MusicBrainz lists it a few seconds longer
                    Rec of = recs.get(r.workOf);
                    r.frames = of.frames + Pcm.frames(4 + crc(r.key) % 9);
                    r.fingerprint = new int[0];
                }
            }
            catalog = catalogue();
            FakeCatalogJson.write(catalog, out.resolve("catalogue.json"));
            List<Manifest.FileEntry> entries = new ArrayList<>();
            List<Runnable> jobs = new ArrayList<>();
            for (LibFile f : files) {
                jobs.add(() -> {
                    Manifest.FileEntry e = write(f, library, work);
                    synchronized (entries) {
                        entries.add(e);
                    }
                });
            }
            all(pool, jobs);
            entries.sort(Comparator.comparing(Manifest.FileEntry::path));
            copyrights();
            Manifest m = new Manifest(
                    VERSION,
                    "library",
                    "catalogue.json",
                    List.of("wesnoth-1.16-music", "warzone2100-music", "singularity-music"),
                    entries);
            m.write(out.resolve("manifest.json"));
            return m;
        } finally {
            pool.shutdownNow();
            deleteTree(work);
        }
    }

    private static void all(ExecutorService pool, List<Runnable> jobs) throws Exception {
        List<Future<?>> fs = new ArrayList<>();
        for (Runnable j : jobs) {
            fs.add(pool.submit(j));
        }
        for (Future<?> f : fs) {
            f.get();
        }
    }

    /** Renders the master of {@code r} and fingerprints it with fpcalc. */
    private void render(Rec r, Path dir) {
        double want = r.shape == Shape.FULL ? 0 : r.seconds;
        float[] song = Pcm.decode(r.source.file(), want);
        List<float[]> pieces = new ArrayList<>();
        switch (r.shape) {
            case FULL -> pieces.add(song);
            case EDIT -> {
                Pcm.fadeOut(song, 3);
                pieces.add(song);
            }
            case QUIET_INTERLUDE -> {
                Pcm.fadeOut(song, 3);
                int n = song.length / Pcm.CHANNELS;
                int held = Pcm.frames(r.quietSeconds);
                int ramp = Pcm.frames(0.4);
                int from = (int) (n * 0.55) - held / 2 - ramp;
                int to = from + held + 2 * ramp;
                double now = Pcm.rmsDbfs(song, from + ramp, to - ramp);
                Pcm.duck(song, from, to, Math.min(0, r.quietDbfs - now), 0.4);
                pieces.add(song);
            }
            case QUIET_INTRO -> {
                // a short quiet sound (a phrase of the song, far down and decaying), near-silence, then the song
                Pcm.fadeOut(song, 3);
                int at = Pcm.frames(Math.min(20, r.seconds / 3));
                float[] sound = Pcm.slice(song, at, at + Pcm.frames(1.3));
                double level = Pcm.rmsDbfs(sound, 0, sound.length / Pcm.CHANNELS);
                Pcm.gainWithDecay(sound, -34 - level, 10);
                Pcm.fadeOut(sound, 0.05);
                Pcm.fadeIn(song, 0.3);
                if (r.leadSilence > 0) {
                    pieces.add(Pcm.silence(r.leadSilence));
                }
                pieces.add(sound);
                pieces.add(Pcm.noise(r.quietSeconds, -62, crc(r.key)));
                pieces.add(song);
            }
            default -> throw new IllegalStateException(r.shape.name());
        }
        r.master = dir.resolve(safe(r.key.replace('/', '_')) + ".wav");
        Pcm.writeWav(r.master, pieces);
        r.frames = pieces.stream().mapToInt(p -> p.length / Pcm.CHANNELS).sum();
        r.fingerprint = fpcalc(r.master);
    }

    /**
     * {@code fpcalc -raw -length 0} of a file: its raw items. fpcalc 1.5.1 (Debian 12) with {@code -length 0} ends
     * with "Error decoding audio frame (End of file)" and exit code 3 after printing the whole fingerprint; that
     * exit is accepted when the fingerprint is there.
     */
    static int[] fpcalc(Path file) {
        String text = run(List.of("fpcalc", "-raw", "-length", "0", file.toString()), 3);
        for (String line : text.split("\n")) {
            if (line.startsWith("FINGERPRINT=")) {
                String[] v = line.substring("FINGERPRINT=".length()).trim().split(",");
                int[] raw = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    raw[i] = (int) Long.parseLong(v[i]);
                }
                return raw;
            }
        }
        throw new IllegalStateException("fpcalc printed no fingerprint for " + file + ": " + text);
    }

    private FakeCatalog catalogue() {
        FakeCatalog.Builder b = FakeCatalog.builder();
        for (Rec r : recs.values()) {
            if (!r.catalogued) {
                continue;
            }
            b.artist(artist(r.artist), r.artist);
            String workKey = r.workOf != null ? r.workOf : r.key;
            String work = crc(workKey) % 5 == 0 ? null : uuid("work/" + workKey); // a few without a work
            if (work != null) {
                b.work(work, r.title);
            }
            b.recording(
                    r.id,
                    r.title,
                    Math.round(r.lengthS() * 1000),
                    artist(r.artist),
                    work,
                    r.fingerprinted ? r.fingerprint : new int[0],
                    highLevel(r));
        }
        for (Rel rel : releases) {
            b.artist(artist(rel.artist()), rel.artist());
            @SuppressWarnings("unchecked")
            List<String>[] media = rel.media().stream()
                    .map(m -> m.stream().map(r -> r.id).toList())
                    .toArray(List[]::new);
            b.release(rel.id(), rel.title(), rel.date(), artist(rel.artist()), media);
        }
        return b.build();
    }

    /** AcousticBrainz high-level data for about 60 % of the recordings (real model and class names). */
    private static Map<String, Map<String, Double>> highLevel(Rec r) {
        if (crc("ab/" + r.key) % 10 >= 6) {
            return Map.of();
        }
        Random rnd = new Random(crc(r.key));
        Map<String, Map<String, Double>> m = new TreeMap<>();
        String[][] models = {
            {"danceability", "danceable", "not_danceable"},
            {"mood_happy", "happy", "not_happy"},
            {"mood_relaxed", "relaxed", "not_relaxed"},
            {"mood_aggressive", "aggressive", "not_aggressive"},
            {"voice_instrumental", "instrumental", "voice"},
            {"genre_rosamerica", "cla", "dan", "hip", "jaz", "pop", "rhy", "roc", "spe"}
        };
        for (String[] model : models) {
            double[] w = new double[model.length - 1];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.05 + rnd.nextDouble();
                sum += w[i];
            }
            Map<String, Double> classes = new TreeMap<>();
            for (int i = 0; i < w.length; i++) {
                classes.put(model[i + 1], Math.round(w[i] / sum * 1000) / 1000.0);
            }
            m.put(model[0], classes);
        }
        return m;
    }

    /** Assembles, encodes and tags one file; returns its manifest entry. */
    private Manifest.FileEntry write(LibFile f, Path library, Path work) {
        Path target = library.resolve(f.path);
        List<Manifest.Passage> passages = new ArrayList<>();
        Path wav;
        int frames = 0;
        boolean assembled = f.items.size() > 1;
        if (!assembled) {
            Rec r = (Rec) f.items.get(0);
            wav = r.master;
            frames = r.frames;
            passages.add(expectation(r, 0));
        } else {
            List<float[]> pieces = new ArrayList<>();
            for (Object item : f.items) {
                float[] p;
                if (item instanceof Rec r) {
                    p = Pcm.decode(r.master, 0);
                    passages.add(expectation(r, frames));
                } else {
                    Gap g = (Gap) item;
                    p = g.dbfs() == null
                            ? Pcm.silence(g.seconds())
                            : Pcm.noise(g.seconds(), g.dbfs(), crc(f.path) + frames);
                }
                pieces.add(p);
                frames += p.length / Pcm.CHANNELS;
            }
            wav = work.resolve(UUID.nameUUIDFromBytes(f.path.getBytes(StandardCharsets.UTF_8)) + ".wav");
            Pcm.writeWav(wav, pieces);
        }
        try {
            Files.createDirectories(target.getParent());
            String ext = "." + f.container.extension();
            boolean lies = !f.path.endsWith(ext);
            Path encoded = lies ? work.resolve(UUID.randomUUID() + ext) : target;
            AudioEncoder.encode(wav, encoded, f.container, ffmpegTags(f));
            Map<FieldKey, String> more = jaudiotaggerTags(f);
            if (!more.isEmpty()) {
                TagWriter.write(encoded, more);
            }
            if (lies) {
                Files.move(encoded, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (assembled) {
                Files.delete(wav);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifest.FileEntry(
                f.path,
                f.label,
                f.container.extension(),
                round(frames / (double) Pcm.RATE),
                f.says,
                f.release == null ? null : f.release.id(),
                passages);
    }

    private Manifest.Passage expectation(Rec r, int offsetFrames) {
        double start = offsetFrames / (double) Pcm.RATE;
        if (r.shape == Shape.QUIET_INTRO) {
            start += r.leadSilence; // the passage starts at the intro sound
        }
        double end = (offsetFrames + r.frames) / (double) Pcm.RATE;
        String why = !r.catalogued
                ? "recording absent from the catalogue"
                : !r.fingerprinted ? "no fingerprint in AcoustID" : null;
        return new Manifest.Passage(
                round(start), round(end), why == null ? r.id : Manifest.UNIDENTIFIABLE, r.title, why);
    }

    /** The tags ffmpeg writes (generic names; Vorbis-comment MusicBrainz ids for Opus, which jaudiotagger cannot write). */
    private Map<String, String> ffmpegTags(LibFile f) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (f.tagging) {
            case NONE -> {}
            case PLACEHOLDER -> {
                m.put("title", String.format("Track %02d", f.track));
                m.put("artist", "Unknown Artist");
                m.put("album", "Unknown Album");
                m.put("track", String.valueOf(f.track));
            }
            case ALBUM_ONLY -> {
                m.put("title", f.release.title());
                m.put("album", f.release.title());
                m.put("artist", f.release.artist());
                m.put("album_artist", f.release.artist());
                m.put("date", year(f.release.date()));
            }
            case PLAIN, PICARD -> {
                Rec t = f.tagsOf;
                m.put("title", t.title);
                m.put("artist", t.artist);
                if (f.release != null) {
                    m.put("album", f.release.title());
                    m.put("album_artist", f.release.artist());
                    m.put(
                            "track",
                            f.track + "/" + f.release.media().get(f.disc - 1).size());
                    if (f.release.media().size() > 1) {
                        m.put("disc", f.disc + "/" + f.release.media().size());
                    }
                    m.put("date", year(f.release.date()));
                    if (f.release.artist().equals("Various Artists")) {
                        m.put("compilation", "1");
                    }
                } else if (t.source.album() != null) {
                    m.put("album", t.source.album());
                }
                if (f.tagging == Tagging.PICARD && f.container == EncodedFormat.OPUS) {
                    mbids(f).forEach((k, v) -> m.put(vorbisName(k), v));
                }
            }
            default -> throw new IllegalStateException(f.tagging.name());
        }
        return m;
    }

    /** What only jaudiotagger writes: MusicBrainz ids (UFID in MP3, freeform atoms in M4A, ID3 in WAV). */
    private Map<FieldKey, String> jaudiotaggerTags(LibFile f) {
        Map<FieldKey, String> m = new LinkedHashMap<>();
        if (f.tagging == Tagging.PICARD && f.container != EncodedFormat.OPUS) {
            m.putAll(mbids(f));
            if (f.container == EncodedFormat.WAV) { // ffmpeg writes only RIFF INFO there
                m.put(FieldKey.ALBUM_ARTIST, f.release.artist());
                m.put(FieldKey.TRACK, String.valueOf(f.track));
                m.put(FieldKey.TRACK_TOTAL, String.valueOf(f.release.trackCount()));
            }
        }
        return m;
    }

    /** The ids Picard writes for the recording {@code f} is tagged as, on its release. */
    private Map<FieldKey, String> mbids(LibFile f) {
        Rec t = f.tagsOf;
        FakeCatalog.Release rel = catalog.release(f.release.id()).orElseThrow();
        Map<FieldKey, String> m = new LinkedHashMap<>();
        m.put(FieldKey.MUSICBRAINZ_TRACK_ID, t.id);
        m.put(FieldKey.MUSICBRAINZ_RELEASE_TRACK_ID, rel.trackId(f.disc, f.track));
        m.put(FieldKey.MUSICBRAINZ_RELEASEID, rel.id());
        m.put(FieldKey.MUSICBRAINZ_RELEASE_GROUP_ID, rel.releaseGroupId());
        m.put(FieldKey.MUSICBRAINZ_ARTISTID, artist(t.artist));
        m.put(FieldKey.MUSICBRAINZ_RELEASEARTISTID, artist(rel.artist().name()));
        catalog.recording(t.id).ifPresent(r -> r.works().forEach(w -> m.put(FieldKey.MUSICBRAINZ_WORK_ID, w.id())));
        return m;
    }

    private static String vorbisName(FieldKey k) {
        return switch (k) {
            case MUSICBRAINZ_TRACK_ID -> "MUSICBRAINZ_TRACKID";
            case MUSICBRAINZ_RELEASE_TRACK_ID -> "MUSICBRAINZ_RELEASETRACKID";
            case MUSICBRAINZ_RELEASEID -> "MUSICBRAINZ_ALBUMID";
            case MUSICBRAINZ_RELEASE_GROUP_ID -> "MUSICBRAINZ_RELEASEGROUPID";
            case MUSICBRAINZ_ARTISTID -> "MUSICBRAINZ_ARTISTID";
            case MUSICBRAINZ_RELEASEARTISTID -> "MUSICBRAINZ_ALBUMARTISTID";
            case MUSICBRAINZ_WORK_ID -> "MUSICBRAINZ_WORKID";
            default -> throw new IllegalArgumentException(k.name());
        };
    }

    private void copyrights() throws IOException {
        Path dir = Files.createDirectories(out.resolve("copyright"));
        for (String pkg : List.of("wesnoth-1.16-music", "warzone2100-music", "singularity-music")) {
            Path c = src.resolve("usr/share/doc/" + pkg + "/copyright");
            if (Files.exists(c)) {
                Files.copy(c, dir.resolve(pkg), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // ---------------------------------------------------------------- summary

    /** Files, passages and hours, in total and per case. */
    static String summary(Manifest m) {
        Map<String, double[]> per = new TreeMap<>(); // files, identifiable, unidentifiable, seconds
        for (Manifest.FileEntry f : m.files()) {
            double[] v = per.computeIfAbsent(f.label(), k -> new double[4]);
            v[0]++;
            v[3] += f.durationS();
            for (Manifest.Passage p : f.passages()) {
                v[p.identifiable() ? 1 : 2]++;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%-18s %6s %13s %15s %9s%n",
                "case",
                "files",
                "identifiable",
                "unidentifiable",
                "minutes"));
        double[] total = new double[4];
        per.forEach((k, v) -> {
            sb.append(String.format(Locale.ROOT, "%-18s %6.0f %13.0f %15.0f %9.1f%n", k, v[0], v[1], v[2], v[3] / 60));
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        sb.append(String.format(
                Locale.ROOT,
                "%-18s %6.0f %13.0f %15.0f %9.1f  (%.2f h)%n",
                "total",
                total[0],
                total[1],
                total[2],
                total[3] / 60,
                total[3] / 3600));
        return sb.toString();
    }

    // ---------------------------------------------------------------- helpers

    private String artist(String name) {
        if (name.equals("Various Artists")) {
            return VARIOUS_ARTISTS;
        }
        return artistIds.computeIfAbsent(name, n -> uuid("artist/" + n));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("wkmp-bench/realmusic/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    private static String year(String date) {
        return date.length() >= 4 ? date.substring(0, 4) : date;
    }

    /** A file-name-safe form (no '/', ':' or '?'). */
    private static String safe(String s) {
        return s.replaceAll("[/:?\"*<>|\\\\]", "_");
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    private static String stem(Path f) {
        return f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    private static List<Path> list(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String run(List<String> cmd) {
        return run(cmd, 0);
    }

    /** Runs {@code cmd}, returns stdout and stderr; exit codes other than 0 and {@code alsoOk} are an error. */
    private static String run(List<String> cmd, int alsoOk) {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0 && code != alsoOk) {
                throw new IllegalStateException(
                        cmd.get(0) + " failed (exit " + code + "): " + text.trim() + "\ncommand: " + cmd);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0) + " (installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
