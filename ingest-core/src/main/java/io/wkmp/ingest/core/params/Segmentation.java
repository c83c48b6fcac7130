package io.wkmp.ingest.core.params;

import static io.wkmp.ingest.core.params.Parameter.MIN_PASSAGE_DURATION_MS;
import static io.wkmp.ingest.core.params.Parameter.PAUSE_MAX_MS;
import static io.wkmp.ingest.core.params.Parameter.QUIET_PIECE_MAX_GAP_MS;
import static io.wkmp.ingest.core.params.Parameter.QUIET_PIECE_MAX_MS;
import static io.wkmp.ingest.core.params.Parameter.QUIET_PIECE_QUIETER_DB;
import static io.wkmp.ingest.core.params.Parameter.RMS_WINDOW_MS;
import static io.wkmp.ingest.core.params.Parameter.SILENCE_MIN_DURATION_MS;
import static io.wkmp.ingest.core.params.Parameter.SILENCE_THRESHOLD_DBFS;

import java.util.Map;

/**
 * How silences split a file into passages (group "Finding passages"), as values: see each {@link Parameter} of the
 * same name for its meaning and range.
 */
public record Segmentation(
        double silenceThresholdDbfs,
        int silenceMinDurationMs,
        int minPassageDurationMs,
        int quietPieceMaxMs,
        double quietPieceQuieterDb,
        int quietPieceMaxGapMs,
        int pauseMaxMs,
        int rmsWindowMs) {

    static Segmentation of(Map<Parameter, Object> v) {
        return new Segmentation(
                Values.decimal(v, SILENCE_THRESHOLD_DBFS),
                Values.integer(v, SILENCE_MIN_DURATION_MS),
                Values.integer(v, MIN_PASSAGE_DURATION_MS),
                Values.integer(v, QUIET_PIECE_MAX_MS),
                Values.decimal(v, QUIET_PIECE_QUIETER_DB),
                Values.integer(v, QUIET_PIECE_MAX_GAP_MS),
                Values.integer(v, PAUSE_MAX_MS),
                Values.integer(v, RMS_WINDOW_MS));
    }
}
