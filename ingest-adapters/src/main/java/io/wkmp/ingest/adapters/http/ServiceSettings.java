package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;

/**
 * What the outside services are built from: their addresses, rates, the request timeout, the contact sent to
 * MusicBrainz and the AcoustID queue's longest wait. The services are built once for these and shared by every
 * file and worker; only a change of one of these values (not of an analysis parameter) builds them again.
 */
public record ServiceSettings(
        String acoustIdUrl,
        String musicBrainzUrl,
        String acousticBrainzUrl,
        String coverArtUrl,
        long acoustIdIntervalMs,
        long musicBrainzIntervalMs,
        long acousticBrainzIntervalMs,
        long timeoutMs,
        String contact,
        long acoustIdBatchWaitMs) {

    /** The service settings of {@code p}. */
    public static ServiceSettings of(ImportParameters p) {
        return new ServiceSettings(
                p.text(Parameter.ACOUSTID_BASE_URL),
                p.text(Parameter.MUSICBRAINZ_BASE_URL),
                p.text(Parameter.ACOUSTICBRAINZ_BASE_URL),
                p.text(Parameter.COVERART_BASE_URL),
                p.integer(Parameter.ACOUSTID_RATE_LIMIT_MS),
                p.integer(Parameter.MUSICBRAINZ_RATE_LIMIT_MS),
                p.integer(Parameter.ACOUSTICBRAINZ_RATE_LIMIT_MS),
                p.integer(Parameter.HTTP_TIMEOUT_MS),
                p.text(Parameter.MUSICBRAINZ_CONTACT),
                p.integer(Parameter.ACOUSTID_BATCH_WAIT_MS));
    }
}
