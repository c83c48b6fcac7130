package io.wkmp.ingest.core.session;

import java.util.Map;

/**
 * The stages a file goes through, by the names progress shows ({@link WorkerActivity#stage()}): the pipeline reports
 * them, the worker pool reports the write, and progress counts a file in flight by the share of its work done when
 * it entered its stage. One list, so a stage the pipeline names is always one progress knows.
 */
public final class FileStage {
    public static final String TAGS = "tags";
    public static final String HASH = "hash";
    public static final String DECODE = "decode";
    public static final String IDENTIFY = "identify";
    public static final String FLAVOR = "flavor";
    public static final String COVER_ART = "cover art";
    public static final String WRITE = "write";
    /** A pending identification done again from stored fingerprints (no decode). */
    public static final String REIDENTIFY = "re-identify";

    private static final Map<String, Double> DONE_ON_ENTRY =
            Map.of(TAGS, 0.02, HASH, 0.05, DECODE, 0.15, IDENTIFY, 0.6, FLAVOR, 0.8, COVER_ART, 0.9, WRITE, 0.95);

    private FileStage() {}

    /**
     * The share (0..1) of a file's work done when its worker enters {@code stage} (roughly the stages' share of the
     * time on a typical file), so the progress bar moves before the first file ends; 0 for a stage without one.
     */
    public static double doneOnEntry(String stage) {
        return DONE_ON_ENTRY.getOrDefault(stage, 0.0);
    }
}
