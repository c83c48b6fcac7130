package io.wkmp.ingest.core.engine;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.PipelineContext;

/**
 * The end of PROCESSING: finishes identifications earlier runs left PENDING (no decode), those of the imported folder,
 * or every one with {@link Parameter#REDO_ALL_PENDING}; a cancel stops it between files.
 */
final class PendingRedo implements IdentificationRedo.Listener {
    private static final System.Logger LOG = System.getLogger(PendingRedo.class.getName());

    private final RunState run;
    private final IdentificationRedo redo;

    PendingRedo(RunState run, IdentificationRedo redo) {
        this.run = run;
        this.redo = redo;
    }

    /**
     * @param scope the relative folder whose passages are redone ("a/b/"), or "" for every pending passage
     * @param ctx the context of the redo: no CPU share (it runs alone)
     */
    void run(String scope, WorkerContext ctx) {
        try {
            int n = redo.redo(ctx, scope, this);
            if (n > 0) {
                LOG.log(System.Logger.Level.INFO, "identified " + n + " passages left pending by an earlier run");
            }
        } catch (PipelineContext.CancelledException e) {
            // cancelled between files: what was written stays
        } catch (CriticalIngestException e) {
            run.critical(e, null);
        } finally {
            ctx.idle();
        }
    }

    @Override
    public void decided(Identification identification) {
        run.progress().decided(identification);
    }

    @Override
    public void stillPending(String relativePath, ErrorCode cause, String why) {
        run.issue(cause == null ? ErrorCode.MBID_LOOKUP_FAILED : cause, Severity.WARNING, relativePath, why);
    }
}
