package io.wkmp.ingest.core.params;

/**
 * Definitions of the identification parameters: fingerprints, cover art, pending identifications and the
 * album match (groups {@link Parameter.Group#IDENTIFICATION} and {@link Parameter.Group#ALBUM_MATCH}).
 */
final class IdentificationDefinitions {
    static final Definition FINGERPRINT_DURATION_S = new Definition(
            "chromaprint_fingerprint_duration_seconds",
            Parameter.Group.IDENTIFICATION,
            "Fingerprinted length",
            Parameter.Kind.INTEGER,
            "s",
            "120",
            10,
            300,
            "how much of each passage is fingerprinted");

    static final Definition FINGERPRINT_ACCEPT_SCORE = new Definition(
            "fingerprint_accept_score",
            Parameter.Group.IDENTIFICATION,
            "Fingerprint match accepted on its own",
            Parameter.Kind.DECIMAL,
            "AcoustID score",
            "0.95",
            0.5,
            1,
            "a passage whose fingerprint matches one recording at least this well, with no close competitor and a"
                    + " length that agrees, is accepted as that recording whatever its tags say");

    static final Definition RELEASE_WEIGHT_TRACK_COUNT = new Definition(
            "release_weight_track_count",
            Parameter.Group.ALBUM_MATCH,
            "Weight of the track count",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.4",
            0,
            1,
            "release alignment: weight of the track-count match");

    static final Definition RELEASE_WEIGHT_DURATION = new Definition(
            "release_weight_duration",
            Parameter.Group.ALBUM_MATCH,
            "Weight of the track lengths",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "release alignment: weight of the per-track duration alignment");

    static final Definition RELEASE_WEIGHT_METADATA = new Definition(
            "release_weight_metadata",
            Parameter.Group.ALBUM_MATCH,
            "Weight of artist and album names",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "release alignment: weight of the artist/album name similarity");

    static final Definition FETCH_COVER_ART = new Definition(
            "fetch_cover_art",
            Parameter.Group.IDENTIFICATION,
            "Download cover art",
            Parameter.Kind.BOOLEAN,
            "",
            "true",
            0,
            0,
            "download front/back covers from the Cover Art Archive when a release has no embedded or folder art");

    static final Definition REDO_ALL_PENDING = new Definition(
            "redo_all_pending",
            Parameter.Group.IDENTIFICATION,
            "Finish pending identifications in every folder",
            Parameter.Kind.BOOLEAN,
            "",
            "false",
            0,
            0,
            "at the end of an import, finish the identifications left pending in every folder, not only in the"
                    + " imported one");

    private IdentificationDefinitions() {}
}
