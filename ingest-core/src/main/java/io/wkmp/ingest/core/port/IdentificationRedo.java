package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.Identification;

/** Finishes identifications an earlier run left PENDING, without decoding; runs at the end of PROCESSING. */
@FunctionalInterface
public interface IdentificationRedo {
    /**
     * @param folderPrefix the passages of the files under this relative folder ("a/b/"), or "" for every pending
     *     passage of the database
     * @param listener told of each new identification and of each file whose passages stay pending
     * @return how many passages got a new identification
     */
    int redo(PipelineContext ctx, String folderPrefix, Listener listener);

    /** Does nothing. */
    IdentificationRedo NONE = (ctx, folderPrefix, listener) -> 0;

    /** What the redo tells the session. */
    interface Listener {
        /** A stored passage got {@code identification}. */
        void decided(Identification identification);

        /** The passages of {@code relativePath} stay PENDING: {@code cause} could not be used, {@code why} says how. */
        void stillPending(String relativePath, ErrorCode cause, String why);
    }
}
