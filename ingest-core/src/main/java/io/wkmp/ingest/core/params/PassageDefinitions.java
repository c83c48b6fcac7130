package io.wkmp.ingest.core.params;

/**
 * Definitions of the parameters that find passages and their lead-in, lead-out and fades (groups
 * {@link Parameter.Group#PASSAGES} and {@link Parameter.Group#LEADS_AND_FADES}).
 */
final class PassageDefinitions {
    static final Definition SILENCE_THRESHOLD_DBFS = new Definition(
            "silence_threshold_dbfs",
            Parameter.Group.PASSAGES,
            "Silence level",
            Parameter.Kind.DECIMAL,
            "dBFS",
            "-50",
            -100,
            0,
            "short-term RMS below this level counts as silence");

    static final Definition SILENCE_MIN_DURATION_MS = new Definition(
            "silence_min_duration_ms",
            Parameter.Group.PASSAGES,
            "Shortest silence between passages",
            Parameter.Kind.INTEGER,
            "ms",
            "1000",
            10,
            60_000,
            "a silence must last this long to separate two passages");

    static final Definition MIN_PASSAGE_DURATION_MS = new Definition(
            "min_passage_duration_ms",
            Parameter.Group.PASSAGES,
            "Shortest passage kept",
            Parameter.Kind.INTEGER,
            "ms",
            "1000",
            0,
            600_000,
            "passages shorter than this are dropped");

    static final Definition QUIET_PIECE_MAX_MS = new Definition(
            "quiet_piece_max_ms",
            Parameter.Group.PASSAGES,
            "Longest quiet piece joined to its neighbour",
            Parameter.Kind.INTEGER,
            "ms",
            "5000",
            0,
            60_000,
            "a piece between silences this short and much quieter than the passage next to it (a count-in, a quiet"
                    + " intro, a click) becomes that passage's lead-in or lead-out instead of a passage of its own");

    static final Definition QUIET_PIECE_QUIETER_DB = new Definition(
            "quiet_piece_quieter_db",
            Parameter.Group.PASSAGES,
            "How much quieter a joined piece is",
            Parameter.Kind.DECIMAL,
            "dB",
            "12",
            0,
            100,
            "a short piece joins its neighbour only when its loudest moment is at least this much quieter than the"
                    + " neighbour's");

    static final Definition QUIET_PIECE_MAX_GAP_MS = new Definition(
            "quiet_piece_max_gap_ms",
            Parameter.Group.PASSAGES,
            "Longest silence bridged to join a quiet piece",
            Parameter.Kind.INTEGER,
            "ms",
            "3000",
            0,
            60_000,
            "a quiet piece further than this from its neighbour stays apart (a hidden track after a long silence)");

    static final Definition PAUSE_MAX_MS = new Definition(
            "pause_max_ms",
            Parameter.Group.PASSAGES,
            "Longest pause inside a piece of music",
            Parameter.Kind.INTEGER,
            "ms",
            "3000",
            0,
            60_000,
            "a silence this short whose level wanders (music's own quiet, not the steady floor of digital silence,"
                    + " tape or vinyl between tracks) does not split a passage");

    static final Definition RMS_WINDOW_MS = new Definition(
            "rms_window_ms",
            Parameter.Group.PASSAGES,
            "Loudness measuring window",
            Parameter.Kind.INTEGER,
            "ms",
            "50",
            5,
            1000,
            "window of the short-term RMS envelope");

    static final Definition LEAD_IN_THRESHOLD_DB = new Definition(
            "lead_in_threshold_db",
            Parameter.Group.LEADS_AND_FADES,
            "Lead-in ends at",
            Parameter.Kind.DECIMAL,
            "dB re passage peak",
            "-12",
            -100,
            0,
            "the Lead-In point is where the level first reaches this much below the passage peak");

    static final Definition LEAD_OUT_THRESHOLD_DB = new Definition(
            "lead_out_threshold_db",
            Parameter.Group.LEADS_AND_FADES,
            "Lead-out starts at",
            Parameter.Kind.DECIMAL,
            "dB re passage peak",
            "-12",
            -100,
            0,
            "the Lead-Out point is where the level last falls below this much under the passage peak");

    static final Definition LEAD_MAX_FRACTION = new Definition(
            "lead_max_fraction",
            Parameter.Group.LEADS_AND_FADES,
            "Longest lead-in or lead-out",
            Parameter.Kind.DECIMAL,
            "fraction of passage",
            "0.25",
            0,
            0.5,
            "a lead-in or lead-out is never longer than this part of the passage");

    static final Definition FADE_FLOOR_DB = new Definition(
            "fade_floor_db",
            Parameter.Group.LEADS_AND_FADES,
            "Fade quiet level",
            Parameter.Kind.DECIMAL,
            "dB re passage peak",
            "-40",
            -100,
            0,
            "a natural fade starts or ends at this level");

    static final Definition FADE_FULL_DB = new Definition(
            "fade_full_db",
            Parameter.Group.LEADS_AND_FADES,
            "Fade full level",
            Parameter.Kind.DECIMAL,
            "dB re passage peak",
            "-6",
            -100,
            0,
            "a natural fade reaches full volume at this level");

    static final Definition FADE_MIN_DURATION_MS = new Definition(
            "fade_min_duration_ms",
            Parameter.Group.LEADS_AND_FADES,
            "Shortest fade",
            Parameter.Kind.INTEGER,
            "ms",
            "1000",
            0,
            60_000,
            "shorter ramps are hard starts or ends, not fades");

    private PassageDefinitions() {}
}
