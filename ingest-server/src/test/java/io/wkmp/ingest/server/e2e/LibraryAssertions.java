package io.wkmp.ingest.server.e2e;

import static io.wkmp.ingest.server.e2e.LibraryDb.TICKS_PER_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.wkmp.ingest.testkit.library.SynthLibrary.LibraryFile;
import io.wkmp.ingest.testkit.library.SynthLibrary.Track;
import java.util.List;

/** Checks of a database against the synthesized library: passages within 10 ms, identified as catalogued, flavoured. */
final class LibraryAssertions {
    static final long TOLERANCE_TICKS = 10 * TICKS_PER_MS;

    private LibraryAssertions() {}

    /** {@code path} (as stored) is complete with one passage per synthesized track. */
    static void assertFile(LibraryDb db, String path, LibraryFile f) {
        assertThat(db.status(path)).as(path).contains("INGEST COMPLETE");
        List<LibraryDb.PassageRow> rows = db.passages(path);
        assertThat(rows).as(path).hasSize(f.tracks().size());
        for (int i = 0; i < rows.size(); i++) {
            assertPassage(path, rows.get(i), f.tracks().get(i));
        }
    }

    private static void assertPassage(String path, LibraryDb.PassageRow row, Track t) {
        String what = path + " " + t.title() + " " + row;
        assertThat(row.start()).as("start of %s", what).isCloseTo(t.startMs() * TICKS_PER_MS, offset(TOLERANCE_TICKS));
        assertThat(row.end()).as("end of %s", what).isCloseTo(t.endMs() * TICKS_PER_MS, offset(TOLERANCE_TICKS));
        assertThat(row.recordingMbid()).as(what).isEqualTo(t.recordingMbid());
        assertThat(row.decision()).as(what).isEqualTo("ACCEPT");
        assertThat(row.flavor()).as("flavour of %s", what).isNotBlank();
    }
}
