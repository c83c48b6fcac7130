package io.wkmp.ingest.core.params;

/**
 * Definitions of the confidence weights and thresholds (spec "Confidence Assessor"; groups
 * {@link Parameter.Group#SINGLE_FILES} and {@link Parameter.Group#MULTI_FILES}).
 */
final class ConfidenceDefinitions {
    static final Definition SINGLE_WEIGHT_METADATA = new Definition(
            "confidence_single_weight_metadata",
            Parameter.Group.SINGLE_FILES,
            "Weight of tags and file names",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.3",
            0,
            1,
            "single-segment files: weight of the metadata match");

    static final Definition SINGLE_WEIGHT_FINGERPRINT = new Definition(
            "confidence_single_weight_fingerprint",
            Parameter.Group.SINGLE_FILES,
            "Weight of the fingerprint",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.6",
            0,
            1,
            "single-segment files: weight of the fingerprint match");

    static final Definition SINGLE_WEIGHT_DURATION = new Definition(
            "confidence_single_weight_duration",
            Parameter.Group.SINGLE_FILES,
            "Weight of the duration",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.1",
            0,
            1,
            "single-segment files: weight of the duration match");

    static final Definition SINGLE_ACCEPT_THRESHOLD = new Definition(
            "confidence_single_accept",
            Parameter.Group.SINGLE_FILES,
            "Accept at confidence",
            Parameter.Kind.DECIMAL,
            "confidence",
            "0.85",
            0,
            1,
            "single-segment files: ACCEPT at or above");

    static final Definition SINGLE_REVIEW_THRESHOLD = new Definition(
            "confidence_single_review",
            Parameter.Group.SINGLE_FILES,
            "Ask for review at confidence",
            Parameter.Kind.DECIMAL,
            "confidence",
            "0.60",
            0,
            1,
            "single-segment files: REVIEW at or above, REJECT below");

    static final Definition MULTI_WEIGHT_CONTEXTUAL = new Definition(
            "confidence_multi_weight_contextual",
            Parameter.Group.MULTI_FILES,
            "Weight of the album match",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.2",
            0,
            1,
            "multi-segment files: weight of the release-level contextual match");

    static final Definition MULTI_WEIGHT_PATTERN = new Definition(
            "confidence_multi_weight_pattern",
            Parameter.Group.MULTI_FILES,
            "Weight of the track pattern",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.2",
            0,
            1,
            "multi-segment files: weight of the pattern alignment");

    static final Definition MULTI_WEIGHT_FINGERPRINT = new Definition(
            "confidence_multi_weight_fingerprint",
            Parameter.Group.MULTI_FILES,
            "Weight of each fingerprint",
            Parameter.Kind.DECIMAL,
            "weight",
            "0.6",
            0,
            1,
            "multi-segment files: weight of each segment's fingerprint match");

    static final Definition MULTI_ACCEPT_THRESHOLD = new Definition(
            "confidence_multi_accept",
            Parameter.Group.MULTI_FILES,
            "Accept at confidence",
            Parameter.Kind.DECIMAL,
            "confidence",
            "0.85",
            0,
            1,
            "multi-segment files: ACCEPT at or above (with every segment at or above the segment minimum)");

    static final Definition MULTI_SEGMENT_MIN = new Definition(
            "confidence_multi_segment_min",
            Parameter.Group.MULTI_FILES,
            "Lowest passage confidence to accept",
            Parameter.Kind.DECIMAL,
            "confidence",
            "0.70",
            0,
            1,
            "multi-segment files: lowest segment confidence that still allows ACCEPT");

    static final Definition MULTI_REVIEW_THRESHOLD = new Definition(
            "confidence_multi_review",
            Parameter.Group.MULTI_FILES,
            "Ask for review at confidence",
            Parameter.Kind.DECIMAL,
            "confidence",
            "0.65",
            0,
            1,
            "multi-segment files: REVIEW at or above, REJECT below");

    static final Definition MULTI_INCONSISTENCY_FACTOR = new Definition(
            "confidence_multi_inconsistency_factor",
            Parameter.Group.MULTI_FILES,
            "Factor when passages disagree on the album",
            Parameter.Kind.DECIMAL,
            "factor",
            "0.8",
            0,
            1,
            "multi-segment files: applied when the segments do not all match the same release");

    private ConfidenceDefinitions() {}
}
