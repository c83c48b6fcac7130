package io.wkmp.ingest.core.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads artist, album, title, track, disc and year from a file's path relative to the root, the way rips and
 * downloads name things: {@code Artist/Album (Year)/CD2/NN - Title.ext}, {@code NN - Artist - Title},
 * {@code Artist - Title}, {@code NN. Title}, {@code NN_Title}, vinyl {@code A1 Title}, {@code 1-05 Title},
 * scene style {@code 01-artist_name-song_title}, folders {@code Year - Album}, {@code Artist - Album [Year]}.
 * Best effort evidence for matching, never authoritative: anything the path does not say is null.
 * Stateless and thread-safe.
 */
public final class ContextParser {
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-\u2013\u2014]\\s+");
    private static final Pattern EXTENSION = Pattern.compile("^(.+)\\.[A-Za-z0-9]{1,5}$");
    private static final Pattern DISC = Pattern.compile(
            "(?i)^(?:cd|disc|disk|dvd|part)\\s*[-_.#]?\\s*(\\d{1,2})(?:\\s*(?:[-\u2013:_]|of\\s+\\d+).*|\\s*[(\\[].*)?$");
    private static final Pattern ARTIST_YEAR_ALBUM =
            Pattern.compile("^(.+?)" + SEPARATOR.pattern() + YEAR + SEPARATOR.pattern() + "(.+)$");
    private static final Pattern YEAR_ALBUM =
            Pattern.compile("^[(\\[]?" + YEAR + "[)\\]]?(?:\\s*[-\u2013.]\\s*|\\s+)(.+)$");
    private static final Pattern ALBUM_YEAR = Pattern.compile("^(.+?)\\s*[(\\[]" + YEAR + "[)\\]](.*)$");
    private static final Pattern JUNK = Pattern.compile(
            "(?i)\\s*[\\[(][^\\])]*(?<![a-z])(?:flac|mp3|aac|ogg|opus|alac|wav|kbps"
                    + "|\\d+\\s?bit|\\d+k|v0|v2|lossless|web|cdrip|vinyl\\s?rip|remaster(?:ed)?)\\b[^\\])]*[\\])]\\s*$");
    private static final String TRACK = "(?:(\\d{1,2})[-.](\\d{1,3})|([A-Ha-h])(\\d{1,2})|(\\d{1,3}))";
    private static final Pattern TRACK_ONLY = Pattern.compile("^" + TRACK + "\\.?$");
    private static final Pattern TRACK_PREFIX =
            Pattern.compile("^" + TRACK + "(?:\\s*[.)\\]:]\\s*|\\s*-\\s*|\\s+)(.+)$");

    private ContextParser() {}

    /** The context of {@code relativePath} ('/' or '\' separated, file name last); {@link PathContext#EMPTY} for a blank path. */
    public static PathContext parse(String relativePath) {
        List<String> parts = new ArrayList<>(Arrays.stream(relativePath.split("[/\\\\]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
        if (parts.isEmpty()) {
            return PathContext.EMPTY;
        }
        String fileName = parts.remove(parts.size() - 1);
        Matcher ext = EXTENSION.matcher(fileName);
        Fields f = new Fields();
        readFolders(parts, f);
        readFileName(normalize(ext.matches() ? ext.group(1) : fileName), f);
        return new PathContext(f.artist, f.album, f.title, f.track, f.disc, f.year);
    }

    /** Mutable scratch for one parse. */
    private static final class Fields {
        String artist;
        String album;
        String title;
        Integer track;
        Integer disc;
        Integer year;
    }

    private static void readFolders(List<String> folders, Fields f) {
        if (!folders.isEmpty()) {
            Matcher disc = DISC.matcher(folders.get(folders.size() - 1));
            if (disc.matches()) {
                f.disc = positive(Integer.parseInt(disc.group(1)));
                folders.remove(folders.size() - 1);
            }
        }
        if (folders.isEmpty()) {
            return;
        }
        String album = stripJunk(normalize(folders.get(folders.size() - 1)));
        Matcher m;
        if ((m = ARTIST_YEAR_ALBUM.matcher(album)).matches()) {
            f.artist = m.group(1);
            f.year = Integer.valueOf(m.group(2));
            album = m.group(3);
        } else if ((m = ALBUM_YEAR.matcher(album)).matches()) {
            f.year = Integer.valueOf(m.group(2));
            album = stripJunk(m.group(1));
        } else if ((m = YEAR_ALBUM.matcher(album)).matches()) {
            f.year = Integer.valueOf(m.group(1));
            album = m.group(2);
        }
        String above = folders.size() >= 2 ? normalize(folders.get(folders.size() - 2)) : null;
        String[] split = SEPARATOR.split(album, 2);
        if (f.artist == null && split.length == 2 && (above == null || split[0].equalsIgnoreCase(above))) {
            f.artist = split[0];
            album = split[1];
        }
        f.album = blankToNull(album);
        if (f.artist == null) {
            f.artist = above;
        }
    }

    private static void readFileName(String stem, Fields f) {
        List<String> tokens = new ArrayList<>(Arrays.asList(SEPARATOR.split(stem)));
        int at = trackTokenIndex(tokens);
        if (at >= 0) {
            Matcher m = TRACK_ONLY.matcher(tokens.get(at));
            m.matches();
            setTrack(m, f);
            List<String> before = tokens.subList(0, at);
            if (!before.isEmpty()) {
                f.artist = before.get(0);
                if (before.size() > 1) {
                    f.album = String.join(" - ", before.subList(1, before.size()));
                }
            }
            tokens = new ArrayList<>(tokens.subList(at + 1, tokens.size()));
        } else {
            Matcher m = TRACK_PREFIX.matcher(tokens.get(0));
            if (m.matches()) {
                setTrack(m, f);
                tokens.set(0, m.group(6));
            }
        }
        if (tokens.isEmpty()) {
            f.title = stem;
            return;
        }
        if (tokens.size() >= 2) {
            f.artist = tokens.get(0);
            tokens = tokens.subList(1, tokens.size());
        }
        f.title = blankToNull(String.join(" - ", tokens));
    }

    /** The index of a token that is nothing but a track number, or -1. Only the first three tokens qualify. */
    private static int trackTokenIndex(List<String> tokens) {
        for (int i = 0; i < Math.min(3, tokens.size() - 1); i++) {
            if (TRACK_ONLY.matcher(tokens.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static void setTrack(Matcher m, Fields f) {
        if (m.group(1) != null) {
            f.disc = f.disc != null ? f.disc : positive(Integer.parseInt(m.group(1)));
            f.track = positive(Integer.parseInt(m.group(2)));
        } else if (m.group(3) != null) {
            boolean sideA = m.group(3).equalsIgnoreCase("a");
            f.track = sideA ? positive(Integer.parseInt(m.group(4))) : null;
        } else {
            f.track = positive(Integer.parseInt(m.group(5)));
        }
    }

    /** Underscores as spaces; scene names (no spaces) use '-' as separator; dotted names use '.' as space. */
    static String normalize(String name) {
        String s = name.strip();
        if (!s.contains(" ")) {
            if (s.contains("_")) {
                s = s.contains("_-_") ? s.replace("_-_", " - ") : s.replaceAll("(?<=\\S)-(?=\\S)", " - ");
                s = s.replace('_', ' ');
            } else if (s.chars().filter(c -> c == '.').count() >= 2) {
                s = s.replaceAll("^(\\d{1,3})\\.", "$1 ").replace('.', ' ');
            }
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String stripJunk(String s) {
        String out = s;
        for (String before = null; !out.equals(before); ) {
            before = out;
            out = JUNK.matcher(out).replaceFirst("");
        }
        return out.isBlank() ? s : out.strip();
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
