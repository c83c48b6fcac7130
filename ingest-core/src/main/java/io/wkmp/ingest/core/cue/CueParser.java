package io.wkmp.ingest.core.cue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line parser for cue sheets (CDRWIN syntax as EAC, foobar2000 and XLD write it). One instance per parse. */
final class CueParser {
    private static final Pattern TIME = Pattern.compile("(\\d{1,3}):(\\d{1,2}):(\\d{1,2})");
    private static final Pattern INDEX = Pattern.compile("(\\d{1,2})\\s+(\\S+)");
    private static final Pattern TRACK = Pattern.compile("(\\d{1,2})\\s+(\\S+)");

    private final List<CueTrack> tracks = new ArrayList<>();
    private String albumTitle;
    private String albumPerformer;
    private String file;
    private Open open;
    private int lineNo;

    /** A TRACK being read. */
    private static final class Open {
        int number;
        boolean audio;
        String title;
        String performer;
        String file;
        Long index00;
        String index00File;
        Long index01;
    }

    CueSheet parse(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new CueSheetException("not a cue sheet: the text holds NUL characters");
        }
        for (String raw : text.split("\r\n|\r|\n")) {
            lineNo++;
            String line = raw.strip();
            if (!line.isEmpty()) {
                command(line);
            }
        }
        closeTrack();
        if (tracks.isEmpty()) {
            throw new CueSheetException("the cue sheet has no audio TRACK with an INDEX 01");
        }
        return new CueSheet(albumTitle, albumPerformer, tracks);
    }

    private void command(String line) {
        int space = line.indexOf(' ');
        String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (keyword) {
            case "FILE" -> file = value(rest);
            case "TITLE" -> {
                if (open == null) {
                    albumTitle = value(rest);
                } else {
                    open.title = value(rest);
                }
            }
            case "PERFORMER" -> {
                if (open == null) {
                    albumPerformer = value(rest);
                } else {
                    open.performer = value(rest);
                }
            }
            case "TRACK" -> track(rest);
            case "INDEX" -> index(rest);
            default -> {
                // REM, CATALOG, FLAGS, ISRC, PREGAP, POSTGAP, SONGWRITER, CDTEXTFILE: not needed here
            }
        }
    }

    private void track(String rest) {
        closeTrack();
        Matcher m = TRACK.matcher(rest);
        if (!m.lookingAt()) {
            throw fail("TRACK needs a number and a type");
        }
        if (file == null) {
            throw fail("TRACK before any FILE");
        }
        open = new Open();
        open.number = Integer.parseInt(m.group(1));
        open.audio = m.group(2).equalsIgnoreCase("AUDIO");
        if (open.number < 1) {
            throw fail("track number 0");
        }
    }

    private void index(String rest) {
        Matcher m = INDEX.matcher(rest);
        if (open == null || !m.matches()) {
            throw fail(open == null ? "INDEX outside a TRACK" : "INDEX needs a number and mm:ss:ff");
        }
        long frames = frames(m.group(2));
        int n = Integer.parseInt(m.group(1));
        if (n == 0) {
            open.index00 = frames;
            open.index00File = file;
        } else if (n == 1) {
            open.index01 = frames;
            open.file = file;
        }
    }

    private void closeTrack() {
        if (open == null) {
            return;
        }
        if (open.index01 == null) {
            throw fail("track " + open.number + " has no INDEX 01");
        }
        if (open.audio) {
            Long pregap = open.file.equals(open.index00File) && open.index00 <= open.index01 ? open.index00 : null;
            tracks.add(new CueTrack(open.number, open.title, open.performer, open.file, open.index01, pregap));
        }
        open = null;
    }

    private long frames(String time) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            throw fail("malformed time '" + time + "' (want mm:ss:ff)");
        }
        int s = Integer.parseInt(m.group(2));
        int f = Integer.parseInt(m.group(3));
        if (s > 59 || f >= CueTrack.FRAMES_PER_SECOND) {
            throw fail("time '" + time + "' out of range (seconds < 60, frames < 75)");
        }
        return (Long.parseLong(m.group(1)) * 60 + s) * CueTrack.FRAMES_PER_SECOND + f;
    }

    /** A quoted value (up to the last quote) or the first word. */
    private static String value(String rest) {
        if (rest.startsWith("\"")) {
            int end = rest.lastIndexOf('"');
            String v = end > 0 ? rest.substring(1, end) : rest.substring(1);
            return v.isBlank() ? null : v.strip();
        }
        int space = rest.indexOf(' ');
        String v = space < 0 ? rest : rest.substring(0, space);
        return v.isBlank() ? null : v;
    }

    private CueSheetException fail(String what) {
        return new CueSheetException("cue sheet line " + lineNo + ": " + what);
    }
}
