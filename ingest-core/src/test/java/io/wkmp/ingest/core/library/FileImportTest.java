package io.wkmp.ingest.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.core.time.Ticks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's result is refused when its passages do not fit its decoded duration (checked on every write). */
class FileImportTest {
    private static final long DURATION = 22_387_653_120L; // 793.27 s at 44.1 kHz: 34,980,708 samples x 640

    private static PassageImport passage(long start, long end) {
        return new PassageImport(
                PassageTiming.bounds(start, end),
                "t",
                "a",
                "b",
                null,
                Identification.pending("offline"),
                null,
                null,
                null,
                null);
    }

    private static FileImport file(long duration, PassageImport... passages) {
        return new FileImport(
                "album/side.flac",
                "sha",
                1,
                Instant.EPOCH,
                null,
                duration,
                "FLAC",
                FileStatus.INGEST_COMPLETE,
                FileTags.EMPTY,
                List.of(passages),
                List.of(),
                null);
    }

    @Test
    void aPassageMayEndExactlyAtTheEndOfTheFile() {
        assertThat(file(DURATION, passage(0, Ticks.PER_SECOND), passage(2 * Ticks.PER_SECOND, DURATION))
                        .passages())
                .hasSize(2);
    }

    @Test
    void aPassageEndingAfterTheFileIsAClearErrorNotAClamp() {
        // the defect of issue 10: ffprobe's 793.269998 s stored as 22387653111 ticks, the exact end 9 ticks later
        assertThatThrownBy(
                        () -> file(DURATION - 9, passage(0, Ticks.PER_SECOND), passage(2 * Ticks.PER_SECOND, DURATION)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("album/side.flac")
                .hasMessageContaining("passage 2 ends at 22387653120 ticks")
                .hasMessageContaining("after the end of the file at 22387653111 ticks");
    }

    @Test
    void aFileWithPassagesNeedsItsDecodedDurationAndADuplicateNeedsNone() {
        assertThatThrownBy(() -> file(-1, passage(0, Ticks.PER_SECOND)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its decoded duration");
        assertThat(file(-1).durationTicks()).isEqualTo(-1);
    }
}
