package io.wkmp.ingest.core.params;

import java.util.Map;

/**
 * What the analysis of a file uses: how silences split it, where leads and fades lie, and how much of each passage
 * is fingerprinted ({@code chromaprint_fingerprint_duration_seconds}).
 */
public record Analysis(Segmentation segmentation, LeadsAndFades leadsAndFades, int fingerprintSeconds) {
    static Analysis of(Map<Parameter, Object> v) {
        return new Analysis(
                Segmentation.of(v), LeadsAndFades.of(v), Values.integer(v, Parameter.FINGERPRINT_DURATION_S));
    }
}
