package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.identify.Identification;
import java.util.function.Consumer;

/** Finishes identifications an earlier run left PENDING, without decoding; runs at the end of PROCESSING. */
@FunctionalInterface
public interface IdentificationRedo {
    /**
     * @param decided told of each new identification
     * @return how many passages got a new identification
     */
    int redo(PipelineContext ctx, Consumer<Identification> decided);

    /** Does nothing. */
    IdentificationRedo NONE = (ctx, decided) -> 0;
}
