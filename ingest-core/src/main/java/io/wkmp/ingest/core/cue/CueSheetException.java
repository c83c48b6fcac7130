package io.wkmp.ingest.core.cue;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.IngestException;

/** A cue sheet that cannot be read (CUE_SHEET_INVALID, a warning: silence detection stands). */
public final class CueSheetException extends IngestException {
    public CueSheetException(String message) {
        super(ErrorCode.CUE_SHEET_INVALID, message);
    }
}
