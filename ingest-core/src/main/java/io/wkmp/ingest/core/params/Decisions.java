package io.wkmp.ingest.core.params;

import static io.wkmp.ingest.core.params.Parameter.MULTI_ACCEPT_THRESHOLD;
import static io.wkmp.ingest.core.params.Parameter.MULTI_INCONSISTENCY_FACTOR;
import static io.wkmp.ingest.core.params.Parameter.MULTI_REVIEW_THRESHOLD;
import static io.wkmp.ingest.core.params.Parameter.MULTI_SEGMENT_MIN;
import static io.wkmp.ingest.core.params.Parameter.MULTI_WEIGHT_CONTEXTUAL;
import static io.wkmp.ingest.core.params.Parameter.MULTI_WEIGHT_FINGERPRINT;
import static io.wkmp.ingest.core.params.Parameter.MULTI_WEIGHT_PATTERN;
import static io.wkmp.ingest.core.params.Parameter.RELEASE_WEIGHT_DURATION;
import static io.wkmp.ingest.core.params.Parameter.RELEASE_WEIGHT_METADATA;
import static io.wkmp.ingest.core.params.Parameter.RELEASE_WEIGHT_TRACK_COUNT;
import static io.wkmp.ingest.core.params.Parameter.SINGLE_ACCEPT_THRESHOLD;
import static io.wkmp.ingest.core.params.Parameter.SINGLE_REVIEW_THRESHOLD;
import static io.wkmp.ingest.core.params.Parameter.SINGLE_WEIGHT_DURATION;
import static io.wkmp.ingest.core.params.Parameter.SINGLE_WEIGHT_FINGERPRINT;
import static io.wkmp.ingest.core.params.Parameter.SINGLE_WEIGHT_METADATA;

import java.util.Map;

/**
 * What identification decides with (spec "Confidence Assessor"), as values: the weights and thresholds for files
 * of one and of several passages, the weights of an album match, and the fingerprint score accepted on its own. See
 * each {@link Parameter} of the same name for its meaning and range.
 */
public record Decisions(SingleFile single, MultiFile multi, ReleaseWeights release, double fingerprintAcceptScore) {
    /** Files holding one passage; the weights add up to 1 and review is at most accept. */
    public record SingleFile(
            double weightMetadata, double weightFingerprint, double weightDuration, double accept, double review) {}

    /** Files holding several passages; the weights add up to 1 and review is at most accept. */
    public record MultiFile(
            double weightContextual,
            double weightPattern,
            double weightFingerprint,
            double accept,
            double segmentMin,
            double review,
            double inconsistencyFactor) {}

    /** How a file's passages are lined up with a release; the weights add up to 1. */
    public record ReleaseWeights(double trackCount, double duration, double metadata) {}

    static Decisions of(Map<Parameter, Object> v) {
        return new Decisions(
                new SingleFile(
                        Values.decimal(v, SINGLE_WEIGHT_METADATA),
                        Values.decimal(v, SINGLE_WEIGHT_FINGERPRINT),
                        Values.decimal(v, SINGLE_WEIGHT_DURATION),
                        Values.decimal(v, SINGLE_ACCEPT_THRESHOLD),
                        Values.decimal(v, SINGLE_REVIEW_THRESHOLD)),
                new MultiFile(
                        Values.decimal(v, MULTI_WEIGHT_CONTEXTUAL),
                        Values.decimal(v, MULTI_WEIGHT_PATTERN),
                        Values.decimal(v, MULTI_WEIGHT_FINGERPRINT),
                        Values.decimal(v, MULTI_ACCEPT_THRESHOLD),
                        Values.decimal(v, MULTI_SEGMENT_MIN),
                        Values.decimal(v, MULTI_REVIEW_THRESHOLD),
                        Values.decimal(v, MULTI_INCONSISTENCY_FACTOR)),
                new ReleaseWeights(
                        Values.decimal(v, RELEASE_WEIGHT_TRACK_COUNT),
                        Values.decimal(v, RELEASE_WEIGHT_DURATION),
                        Values.decimal(v, RELEASE_WEIGHT_METADATA)),
                Values.decimal(v, Parameter.FINGERPRINT_ACCEPT_SCORE));
    }
}
