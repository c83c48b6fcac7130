package io.wkmp.ingest.core.error;

/**
 * An outside service (AcoustID, MusicBrainz, AcousticBrainz) could not answer after retries: network down,
 * host dead, 5xx, malformed reply. The pipeline demotes it to a warning and imports with less evidence.
 */
public class LookupUnavailableException extends IngestException {
    public LookupUnavailableException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }
}
