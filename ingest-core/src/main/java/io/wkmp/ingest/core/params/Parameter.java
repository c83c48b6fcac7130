package io.wkmp.ingest.core.params;

import java.util.Locale;
import java.util.Optional;

/**
 * Every import parameter: its settings key, group, plain-language label, type, unit, default and allowed
 * range. This table is the single definition that {@link ImportParameters}, the settings store, the
 * command line and the {@code /parameters} routes (and through them the wizard) all read.
 *
 * <p>Levels are dBFS (&lt;= 0). The silence threshold is absolute; lead and fade levels are relative to
 * the passage's own peak short-term RMS (decisions.md "Levels").
 */
public enum Parameter {
    // segmentation (absolute levels)
    SILENCE_THRESHOLD_DBFS(
            "silence_threshold_dbfs",
            Group.PASSAGES,
            "Silence level",
            Kind.DECIMAL,
            "dBFS",
            "-50",
            -100,
            0,
            "short-term RMS below this level counts as silence"),
    SILENCE_MIN_DURATION_MS(
            "silence_min_duration_ms",
            Group.PASSAGES,
            "Shortest silence between passages",
            Kind.INTEGER,
            "ms",
            "1000",
            10,
            60_000,
            "a silence must last this long to separate two passages"),
    MIN_PASSAGE_DURATION_MS(
            "min_passage_duration_ms",
            Group.PASSAGES,
            "Shortest passage kept",
            Kind.INTEGER,
            "ms",
            "1000",
            0,
            600_000,
            "passages shorter than this are dropped"),
    QUIET_PIECE_MAX_MS(
            "quiet_piece_max_ms",
            Group.PASSAGES,
            "Longest quiet piece joined to its neighbour",
            Kind.INTEGER,
            "ms",
            "5000",
            0,
            60_000,
            "a piece between silences this short and much quieter than the passage next to it (a count-in, a quiet"
                    + " intro, a click) becomes that passage's lead-in or lead-out instead of a passage of its own"),
    QUIET_PIECE_QUIETER_DB(
            "quiet_piece_quieter_db",
            Group.PASSAGES,
            "How much quieter a joined piece is",
            Kind.DECIMAL,
            "dB",
            "12",
            0,
            100,
            "a short piece joins its neighbour only when its loudest moment is at least this much quieter than the"
                    + " neighbour's"),
    QUIET_PIECE_MAX_GAP_MS(
            "quiet_piece_max_gap_ms",
            Group.PASSAGES,
            "Longest silence bridged to join a quiet piece",
            Kind.INTEGER,
            "ms",
            "3000",
            0,
            60_000,
            "a quiet piece further than this from its neighbour stays apart (a hidden track after a long silence)"),
    PAUSE_MAX_MS(
            "pause_max_ms",
            Group.PASSAGES,
            "Longest pause inside a piece of music",
            Kind.INTEGER,
            "ms",
            "3000",
            0,
            60_000,
            "a silence this short whose level wanders (music's own quiet, not the steady floor of digital silence,"
                    + " tape or vinyl between tracks) does not split a passage"),
    RMS_WINDOW_MS(
            "rms_window_ms",
            Group.PASSAGES,
            "Loudness measuring window",
            Kind.INTEGER,
            "ms",
            "50",
            5,
            1000,
            "window of the short-term RMS envelope"),

    // lead-in/out and natural fades (relative to the passage peak)
    LEAD_IN_THRESHOLD_DB(
            "lead_in_threshold_db",
            Group.LEADS_AND_FADES,
            "Lead-in ends at",
            Kind.DECIMAL,
            "dB re passage peak",
            "-12",
            -100,
            0,
            "the Lead-In point is where the level first reaches this much below the passage peak"),
    LEAD_OUT_THRESHOLD_DB(
            "lead_out_threshold_db",
            Group.LEADS_AND_FADES,
            "Lead-out starts at",
            Kind.DECIMAL,
            "dB re passage peak",
            "-12",
            -100,
            0,
            "the Lead-Out point is where the level last falls below this much under the passage peak"),
    LEAD_MAX_FRACTION(
            "lead_max_fraction",
            Group.LEADS_AND_FADES,
            "Longest lead-in or lead-out",
            Kind.DECIMAL,
            "fraction of passage",
            "0.25",
            0,
            0.5,
            "a lead-in or lead-out is never longer than this part of the passage"),
    FADE_FLOOR_DB(
            "fade_floor_db",
            Group.LEADS_AND_FADES,
            "Fade quiet level",
            Kind.DECIMAL,
            "dB re passage peak",
            "-40",
            -100,
            0,
            "a natural fade starts or ends at this level"),
    FADE_FULL_DB(
            "fade_full_db",
            Group.LEADS_AND_FADES,
            "Fade full level",
            Kind.DECIMAL,
            "dB re passage peak",
            "-6",
            -100,
            0,
            "a natural fade reaches full volume at this level"),
    FADE_MIN_DURATION_MS(
            "fade_min_duration_ms",
            Group.LEADS_AND_FADES,
            "Shortest fade",
            Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "shorter ramps are hard starts or ends, not fades"),

    // fingerprinting
    FINGERPRINT_DURATION_S(
            "chromaprint_fingerprint_duration_seconds",
            Group.IDENTIFICATION,
            "Fingerprinted length",
            Kind.INTEGER,
            "s",
            "120",
            10,
            300,
            "how much of each passage is fingerprinted"),

    FINGERPRINT_ACCEPT_SCORE(
            "fingerprint_accept_score",
            Group.IDENTIFICATION,
            "Fingerprint match accepted on its own",
            Kind.DECIMAL,
            "AcoustID score",
            "0.95",
            0.5,
            1,
            "a passage whose fingerprint matches one recording at least this well, with no close competitor and a"
                    + " length that agrees, is accepted as that recording whatever its tags say"),

    // confidence (spec "Confidence Assessor")
    SINGLE_WEIGHT_METADATA(
            "confidence_single_weight_metadata",
            Group.SINGLE_FILES,
            "Weight of tags and file names",
            Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "single-segment files: weight of the metadata match"),
    SINGLE_WEIGHT_FINGERPRINT(
            "confidence_single_weight_fingerprint",
            Group.SINGLE_FILES,
            "Weight of the fingerprint",
            Kind.DECIMAL,
            "weight",
            "0.6",
            0,
            1,
            "single-segment files: weight of the fingerprint match"),
    SINGLE_WEIGHT_DURATION(
            "confidence_single_weight_duration",
            Group.SINGLE_FILES,
            "Weight of the duration",
            Kind.DECIMAL,
            "weight",
            "0.1",
            0,
            1,
            "single-segment files: weight of the duration match"),
    SINGLE_ACCEPT_THRESHOLD(
            "confidence_single_accept",
            Group.SINGLE_FILES,
            "Accept at confidence",
            Kind.DECIMAL,
            "confidence",
            "0.85",
            0,
            1,
            "single-segment files: ACCEPT at or above"),
    SINGLE_REVIEW_THRESHOLD(
            "confidence_single_review",
            Group.SINGLE_FILES,
            "Ask for review at confidence",
            Kind.DECIMAL,
            "confidence",
            "0.60",
            0,
            1,
            "single-segment files: REVIEW at or above, REJECT below"),
    MULTI_WEIGHT_CONTEXTUAL(
            "confidence_multi_weight_contextual",
            Group.MULTI_FILES,
            "Weight of the album match",
            Kind.DECIMAL,
            "weight",
            "0.2",
            0,
            1,
            "multi-segment files: weight of the release-level contextual match"),
    MULTI_WEIGHT_PATTERN(
            "confidence_multi_weight_pattern",
            Group.MULTI_FILES,
            "Weight of the track pattern",
            Kind.DECIMAL,
            "weight",
            "0.2",
            0,
            1,
            "multi-segment files: weight of the pattern alignment"),
    MULTI_WEIGHT_FINGERPRINT(
            "confidence_multi_weight_fingerprint",
            Group.MULTI_FILES,
            "Weight of each fingerprint",
            Kind.DECIMAL,
            "weight",
            "0.6",
            0,
            1,
            "multi-segment files: weight of each segment's fingerprint match"),
    MULTI_ACCEPT_THRESHOLD(
            "confidence_multi_accept",
            Group.MULTI_FILES,
            "Accept at confidence",
            Kind.DECIMAL,
            "confidence",
            "0.85",
            0,
            1,
            "multi-segment files: ACCEPT at or above (with every segment at or above the segment minimum)"),
    MULTI_SEGMENT_MIN(
            "confidence_multi_segment_min",
            Group.MULTI_FILES,
            "Lowest passage confidence to accept",
            Kind.DECIMAL,
            "confidence",
            "0.70",
            0,
            1,
            "multi-segment files: lowest segment confidence that still allows ACCEPT"),
    MULTI_REVIEW_THRESHOLD(
            "confidence_multi_review",
            Group.MULTI_FILES,
            "Ask for review at confidence",
            Kind.DECIMAL,
            "confidence",
            "0.65",
            0,
            1,
            "multi-segment files: REVIEW at or above, REJECT below"),
    MULTI_INCONSISTENCY_FACTOR(
            "confidence_multi_inconsistency_factor",
            Group.MULTI_FILES,
            "Factor when passages disagree on the album",
            Kind.DECIMAL,
            "factor",
            "0.8",
            0,
            1,
            "multi-segment files: applied when the segments do not all match the same release"),
    RELEASE_WEIGHT_TRACK_COUNT(
            "release_weight_track_count",
            Group.ALBUM_MATCH,
            "Weight of the track count",
            Kind.DECIMAL,
            "weight",
            "0.4",
            0,
            1,
            "release alignment: weight of the track-count match"),
    RELEASE_WEIGHT_DURATION(
            "release_weight_duration",
            Group.ALBUM_MATCH,
            "Weight of the track lengths",
            Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "release alignment: weight of the per-track duration alignment"),
    RELEASE_WEIGHT_METADATA(
            "release_weight_metadata",
            Group.ALBUM_MATCH,
            "Weight of artist and album names",
            Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "release alignment: weight of the artist/album name similarity"),

    // workers and outside services
    WORKER_COUNT(
            "ai_processing_thread_count",
            Group.SPEED,
            "Files processed at once",
            Kind.INTEGER,
            "workers",
            "0",
            0,
            64,
            "files analysed at once (online, up to 20 more may wait for the outside services); 0 = available processors clamped to 2..8"),
    DB_BATCH_FILES(
            "ai_db_batch_files",
            Group.SPEED,
            "Files per database write",
            Kind.INTEGER,
            "files",
            "1",
            1,
            100,
            "files committed per database transaction"),
    ACOUSTID_RATE_LIMIT_MS(
            "acoustid_rate_limit_ms",
            Group.SERVICES,
            "Pause between AcoustID requests",
            Kind.INTEGER,
            "ms",
            "334",
            0,
            60_000,
            "least time between two AcoustID requests (the service allows 3 per second)"),
    ACOUSTID_BATCH_WAIT_MS(
            "acoustid_batch_wait_ms",
            Group.SERVICES,
            "Longest wait for more fingerprints of an AcoustID request",
            Kind.INTEGER,
            "ms",
            "15000",
            0,
            300_000,
            "fingerprints of all files wait in one queue until 20 fill a request, no file being analysed can add"
                    + " more, or no new fingerprint came for this long; 0 = each file asks at once"),
    MUSICBRAINZ_RATE_LIMIT_MS(
            "musicbrainz_rate_limit_ms",
            Group.SERVICES,
            "Pause between MusicBrainz requests",
            Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "least time between two MusicBrainz requests (the service allows 1 per second; 0 for a local mirror)"),
    ACOUSTICBRAINZ_RATE_LIMIT_MS(
            "acousticbrainz_rate_limit_ms",
            Group.SERVICES,
            "Pause between AcousticBrainz requests",
            Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "least time between two AcousticBrainz requests"),
    HTTP_TIMEOUT_MS(
            "http_timeout_ms",
            Group.SERVICES,
            "Request timeout",
            Kind.INTEGER,
            "ms",
            "30000",
            100,
            300_000,
            "timeout of one request to an outside service"),
    ACOUSTID_BASE_URL(
            "acoustid_base_url",
            Group.SERVICES,
            "AcoustID address",
            Kind.URL,
            "",
            "https://api.acoustid.org/v2",
            0,
            0,
            "AcoustID web service"),
    MUSICBRAINZ_BASE_URL(
            "musicbrainz_base_url",
            Group.SERVICES,
            "MusicBrainz address",
            Kind.URL,
            "",
            "https://musicbrainz.org/ws/2",
            0,
            0,
            "MusicBrainz web service (or a local mirror)"),
    ACOUSTICBRAINZ_BASE_URL(
            "acousticbrainz_base_url",
            Group.SERVICES,
            "AcousticBrainz address",
            Kind.URL,
            "",
            "https://acousticbrainz.org/api/v1",
            0,
            0,
            "AcousticBrainz web service"),
    COVERART_BASE_URL(
            "coverartarchive_base_url",
            Group.SERVICES,
            "Cover Art Archive address",
            Kind.URL,
            "",
            "https://coverartarchive.org",
            0,
            0,
            "Cover Art Archive"),
    MUSICBRAINZ_CONTACT(
            "musicbrainz_contact",
            Group.SERVICES,
            "Contact sent to MusicBrainz",
            Kind.TEXT,
            "",
            "https://github.com/MangoCats/McRhythm",
            0,
            0,
            "contact (URL or e-mail) sent in the User-Agent, as MusicBrainz requires"),
    FETCH_COVER_ART(
            "fetch_cover_art",
            Group.IDENTIFICATION,
            "Download cover art",
            Kind.BOOLEAN,
            "",
            "true",
            0,
            0,
            "download front/back covers from the Cover Art Archive when a release has no embedded or folder art"),
    REDO_ALL_PENDING(
            "redo_all_pending",
            Group.IDENTIFICATION,
            "Finish pending identifications in every folder",
            Kind.BOOLEAN,
            "",
            "false",
            0,
            0,
            "at the end of an import, finish the identifications left pending in every folder, not only in the"
                    + " imported one");

    /** The groups parameters are shown in, in display order, each with a plain-language title. */
    public enum Group {
        PASSAGES("Finding passages", "how silences split a file into passages"),
        LEADS_AND_FADES(
                "Lead-in, lead-out and fades", "where a passage's quiet intro and outro and its natural fades lie"),
        IDENTIFICATION("Identification", "fingerprints, cover art and identifications left pending"),
        SINGLE_FILES(
                "Confidence: files with one passage",
                "how the evidence is weighed for a file holding one passage; the weights add up to 1"),
        MULTI_FILES(
                "Confidence: files with several passages",
                "how the evidence is weighed for a file holding several passages; the weights add up to 1"),
        ALBUM_MATCH("Matching an album", "how a file's passages are lined up with a release; the weights add up to 1"),
        SPEED("Speed", "how much runs at once"),
        SERVICES(
                "Online services",
                "where AcoustID, MusicBrainz, AcousticBrainz and the Cover Art Archive are, and how often they are asked");

        private final String title;
        private final String description;

        Group(String title, String description) {
            this.title = title;
            this.description = description;
        }

        /** Plain-language title, e.g. "Finding passages". */
        public String title() {
            return title;
        }

        public String description() {
            return description;
        }
    }

    /** Value types of parameters. */
    public enum Kind {
        DECIMAL,
        INTEGER,
        BOOLEAN,
        URL,
        TEXT
    }

    private final String key;
    private final Group group;
    private final String label;
    private final Kind kind;
    private final String unit;
    private final String defaultText;
    private final double min;
    private final double max;
    private final String description;

    Parameter(
            String key,
            Group group,
            String label,
            Kind kind,
            String unit,
            String defaultText,
            double min,
            double max,
            String description) {
        this.key = key;
        this.group = group;
        this.label = label;
        this.kind = kind;
        this.unit = unit;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    /** The settings-table key (plain text value, one row per key). */
    public String key() {
        return key;
    }

    /** The group the parameter is shown in. */
    public Group group() {
        return group;
    }

    /** Plain-language name, e.g. "Silence level" for silence_threshold_dbfs. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Unit shown to the user, empty for unit-less values. */
    public String unit() {
        return unit;
    }

    /** The default as settings text. */
    public String defaultText() {
        return defaultText;
    }

    /** Lowest allowed value (numeric kinds only). */
    public double min() {
        return min;
    }

    /** Highest allowed value (numeric kinds only). */
    public double max() {
        return max;
    }

    public String description() {
        return description;
    }

    /** True for DECIMAL and INTEGER parameters. */
    public boolean isNumeric() {
        return kind == Kind.DECIMAL || kind == Kind.INTEGER;
    }

    /** The parameter whose settings key is {@code key}, if any. */
    public static Optional<Parameter> byKey(String key) {
        for (Parameter p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses and range-checks {@code text} as this parameter's value.
     *
     * @return a Double, Integer, Boolean or String
     * @throws ParameterException naming the parameter and the allowed range
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParameterException(this, key + " must not be empty");
        }
        String t = text.trim();
        switch (kind) {
            case DECIMAL: {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ParameterException(this, key + " must be a number, got '" + t + "'");
                }
                checkRange(v, t);
                return v;
            }
            case INTEGER: {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new ParameterException(this, key + " must be a whole number, got '" + t + "'");
                }
                checkRange(v, t);
                return (int) v;
            }
            case BOOLEAN: {
                String l = t.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("1")) {
                    return Boolean.TRUE;
                }
                if (l.equals("false") || l.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new ParameterException(this, key + " must be true or false, got '" + t + "'");
            }
            case URL: {
                if (!(t.startsWith("http://") || t.startsWith("https://")) || t.length() < 10 || t.contains(" ")) {
                    throw new ParameterException(this, key + " must be an http:// or https:// URL, got '" + t + "'");
                }
                return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
            }
            default:
                return t;
        }
    }

    /** The allowed range as text, e.g. "[-100, 0] dBFS". */
    public String rangeText() {
        if (!isNumeric()) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return "[" + number(min) + ", " + number(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
    }

    private void checkRange(double v, String text) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw new ParameterException(this, key + " must be within " + rangeText() + ", got " + text);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
