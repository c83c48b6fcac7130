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
    SILENCE_THRESHOLD_DBFS(PassageDefinitions.SILENCE_THRESHOLD_DBFS),
    SILENCE_MIN_DURATION_MS(PassageDefinitions.SILENCE_MIN_DURATION_MS),
    MIN_PASSAGE_DURATION_MS(PassageDefinitions.MIN_PASSAGE_DURATION_MS),
    QUIET_PIECE_MAX_MS(PassageDefinitions.QUIET_PIECE_MAX_MS),
    QUIET_PIECE_QUIETER_DB(PassageDefinitions.QUIET_PIECE_QUIETER_DB),
    QUIET_PIECE_MAX_GAP_MS(PassageDefinitions.QUIET_PIECE_MAX_GAP_MS),
    PAUSE_MAX_MS(PassageDefinitions.PAUSE_MAX_MS),
    RMS_WINDOW_MS(PassageDefinitions.RMS_WINDOW_MS),
    LEAD_IN_THRESHOLD_DB(PassageDefinitions.LEAD_IN_THRESHOLD_DB),
    LEAD_OUT_THRESHOLD_DB(PassageDefinitions.LEAD_OUT_THRESHOLD_DB),
    LEAD_MAX_FRACTION(PassageDefinitions.LEAD_MAX_FRACTION),
    FADE_FLOOR_DB(PassageDefinitions.FADE_FLOOR_DB),
    FADE_FULL_DB(PassageDefinitions.FADE_FULL_DB),
    FADE_MIN_DURATION_MS(PassageDefinitions.FADE_MIN_DURATION_MS),
    FINGERPRINT_DURATION_S(IdentificationDefinitions.FINGERPRINT_DURATION_S),
    FINGERPRINT_ACCEPT_SCORE(IdentificationDefinitions.FINGERPRINT_ACCEPT_SCORE),
    SINGLE_WEIGHT_METADATA(ConfidenceDefinitions.SINGLE_WEIGHT_METADATA),
    SINGLE_WEIGHT_FINGERPRINT(ConfidenceDefinitions.SINGLE_WEIGHT_FINGERPRINT),
    SINGLE_WEIGHT_DURATION(ConfidenceDefinitions.SINGLE_WEIGHT_DURATION),
    SINGLE_ACCEPT_THRESHOLD(ConfidenceDefinitions.SINGLE_ACCEPT_THRESHOLD),
    SINGLE_REVIEW_THRESHOLD(ConfidenceDefinitions.SINGLE_REVIEW_THRESHOLD),
    MULTI_WEIGHT_CONTEXTUAL(ConfidenceDefinitions.MULTI_WEIGHT_CONTEXTUAL),
    MULTI_WEIGHT_PATTERN(ConfidenceDefinitions.MULTI_WEIGHT_PATTERN),
    MULTI_WEIGHT_FINGERPRINT(ConfidenceDefinitions.MULTI_WEIGHT_FINGERPRINT),
    MULTI_ACCEPT_THRESHOLD(ConfidenceDefinitions.MULTI_ACCEPT_THRESHOLD),
    MULTI_SEGMENT_MIN(ConfidenceDefinitions.MULTI_SEGMENT_MIN),
    MULTI_REVIEW_THRESHOLD(ConfidenceDefinitions.MULTI_REVIEW_THRESHOLD),
    MULTI_INCONSISTENCY_FACTOR(ConfidenceDefinitions.MULTI_INCONSISTENCY_FACTOR),
    RELEASE_WEIGHT_TRACK_COUNT(IdentificationDefinitions.RELEASE_WEIGHT_TRACK_COUNT),
    RELEASE_WEIGHT_DURATION(IdentificationDefinitions.RELEASE_WEIGHT_DURATION),
    RELEASE_WEIGHT_METADATA(IdentificationDefinitions.RELEASE_WEIGHT_METADATA),
    WORKER_COUNT(ServiceDefinitions.WORKER_COUNT),
    DB_BATCH_FILES(ServiceDefinitions.DB_BATCH_FILES),
    ACOUSTID_RATE_LIMIT_MS(ServiceDefinitions.ACOUSTID_RATE_LIMIT_MS),
    ACOUSTID_BATCH_WAIT_MS(ServiceDefinitions.ACOUSTID_BATCH_WAIT_MS),
    MUSICBRAINZ_RATE_LIMIT_MS(ServiceDefinitions.MUSICBRAINZ_RATE_LIMIT_MS),
    ACOUSTICBRAINZ_RATE_LIMIT_MS(ServiceDefinitions.ACOUSTICBRAINZ_RATE_LIMIT_MS),
    HTTP_TIMEOUT_MS(ServiceDefinitions.HTTP_TIMEOUT_MS),
    ACOUSTID_BASE_URL(ServiceDefinitions.ACOUSTID_BASE_URL),
    MUSICBRAINZ_BASE_URL(ServiceDefinitions.MUSICBRAINZ_BASE_URL),
    ACOUSTICBRAINZ_BASE_URL(ServiceDefinitions.ACOUSTICBRAINZ_BASE_URL),
    COVERART_BASE_URL(ServiceDefinitions.COVERART_BASE_URL),
    MUSICBRAINZ_CONTACT(ServiceDefinitions.MUSICBRAINZ_CONTACT),
    FETCH_COVER_ART(IdentificationDefinitions.FETCH_COVER_ART),
    REDO_ALL_PENDING(IdentificationDefinitions.REDO_ALL_PENDING);

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

    private final Definition d;

    Parameter(Definition d) {
        this.d = d;
    }

    /** The settings-table key (plain text value, one row per key). */
    public String key() {
        return d.key();
    }

    /** The group the parameter is shown in. */
    public Group group() {
        return d.group();
    }

    /** Plain-language name, e.g. "Silence level" for silence_threshold_dbfs. */
    public String label() {
        return d.label();
    }

    public Kind kind() {
        return d.kind();
    }

    /** Unit shown to the user, empty for unit-less values. */
    public String unit() {
        return d.unit();
    }

    /** The default as settings text. */
    public String defaultText() {
        return d.defaultText();
    }

    /** Lowest allowed value (numeric kinds only). */
    public double min() {
        return d.min();
    }

    /** Highest allowed value (numeric kinds only). */
    public double max() {
        return d.max();
    }

    public String description() {
        return d.description();
    }

    /** True for DECIMAL and INTEGER parameters. */
    public boolean isNumeric() {
        return kind() == Kind.DECIMAL || kind() == Kind.INTEGER;
    }

    /** The parameter whose settings key is {@code key}, if any. */
    public static Optional<Parameter> byKey(String key) {
        for (Parameter p : values()) {
            if (p.key().equals(key)) {
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
            throw new ParameterException(this, key() + " must not be empty");
        }
        String t = text.trim();
        switch (kind()) {
            case DECIMAL: {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ParameterException(this, key() + " must be a number, got '" + t + "'");
                }
                checkRange(v, t);
                return v;
            }
            case INTEGER: {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new ParameterException(this, key() + " must be a whole number, got '" + t + "'");
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
                throw new ParameterException(this, key() + " must be true or false, got '" + t + "'");
            }
            case URL: {
                if (!(t.startsWith("http://") || t.startsWith("https://")) || t.length() < 10 || t.contains(" ")) {
                    throw new ParameterException(this, key() + " must be an http:// or https:// URL, got '" + t + "'");
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
            return kind().name().toLowerCase(Locale.ROOT);
        }
        return "[" + number(min()) + ", " + number(max()) + "]" + (unit().isEmpty() ? "" : " " + unit());
    }

    private void checkRange(double v, String text) {
        if (Double.isNaN(v) || v < min() || v > max()) {
            throw new ParameterException(this, key() + " must be within " + rangeText() + ", got " + text);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
