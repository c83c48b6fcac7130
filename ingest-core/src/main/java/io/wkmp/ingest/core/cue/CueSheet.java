package io.wkmp.ingest.core.cue;

import java.util.List;
import java.util.Locale;

/**
 * A parsed cue sheet: album TITLE/PERFORMER and the audio TRACKs with their INDEX 01 points, as written
 * (no check against any audio yet; {@link #tracksFor} picks the tracks of one audio file). Immutable.
 *
 * @param title the album title, null when absent
 * @param performer the album performer, null when absent
 * @param tracks the AUDIO tracks in sheet order (data tracks are left out), never empty
 */
public record CueSheet(String title, String performer, List<CueTrack> tracks) {
    public CueSheet {
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a cue sheet needs at least one audio track");
        }
    }

    /**
     * Parses cue sheet text.
     *
     * @throws CueSheetException when it is not a usable cue sheet (no FILE before a TRACK, a track without INDEX 01,
     *     a malformed time, no audio track at all)
     */
    public static CueSheet parse(String text) {
        return new CueParser().parse(text);
    }

    /** Parses cue sheet bytes, detecting the encoding: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252. */
    public static CueSheet parse(byte[] content) {
        return parse(CueText.decode(content));
    }

    /** The tracks whose INDEX 01 lies in the FILE naming {@code audioFileName} (see {@link #names}), in order. */
    public List<CueTrack> tracksFor(String audioFileName) {
        return tracks.stream().filter(t -> names(t.file(), audioFileName)).toList();
    }

    /** True when some FILE line names {@code audioFileName}. */
    public boolean describes(String audioFileName) {
        return !tracksFor(audioFileName).isEmpty();
    }

    /** The distinct FILE names, in order. */
    public List<String> files() {
        return tracks.stream().map(CueTrack::file).distinct().toList();
    }

    /**
     * Whether a FILE value names an audio file: same name ignoring case and any folder part, or the same stem
     * with another extension ({@code x.wav} in an EAC sheet for the {@code x.flac} it was encoded to).
     */
    public static boolean names(String cueFile, String audioFileName) {
        String name = cueFile.substring(Math.max(cueFile.lastIndexOf('/'), cueFile.lastIndexOf('\\')) + 1);
        return name.equalsIgnoreCase(audioFileName) || stem(name).equals(stem(audioFileName));
    }

    /** The name without its extension, lower case. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
