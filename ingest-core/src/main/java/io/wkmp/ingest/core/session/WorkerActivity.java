package io.wkmp.ingest.core.session;

import java.time.Instant;

/**
 * What one worker is doing now.
 *
 * @param filePath relative path of its file, null when idle
 * @param stage the pipeline stage ("decode", "identify", ...), null when idle
 * @param since when it entered that stage
 */
public record WorkerActivity(int workerId, String filePath, String stage, Instant since) {}
