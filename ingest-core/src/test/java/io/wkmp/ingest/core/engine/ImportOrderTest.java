package io.wkmp.ingest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.port.FileTask;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportOrderTest {
    private static FileTask task(String path, long size) {
        return new FileTask(Path.of("/r", path), path, size, Instant.EPOCH, "FLAC");
    }

    @Test
    void severalWorkersTakeTheLargestFilesFirstAndEqualSizesKeepPathOrder() {
        List<FileTask> todo = List.of(
                task("a/1.flac", 10), task("a/2.flac", 500), task("b/copy.flac", 10), task("c/rip.flac", 9_000));
        assertThat(WorkerPool.largestFirst(todo).stream().map(FileTask::relativePath))
                .containsExactly("c/rip.flac", "a/2.flac", "a/1.flac", "b/copy.flac");
    }
}
