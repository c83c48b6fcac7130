package io.wkmp.ingest.adapters.e2e;

import static io.wkmp.ingest.adapters.e2e.E2eAlbum.TRACKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.session.SessionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 end to end: an album the fake catalogue knows, imported through {@code WkmpIngest} (real ffmpeg,
 * Chromaprint, SQLite, HTTP to the fakes at the real rates, several workers), as a folder of tagged files and
 * as one multi-segment file: every passage ACCEPTed with its recording, album, artists and works written; at
 * most 2 MusicBrainz requests for the album; a second run, and a re-import of touched files, ask nothing outside.
 */
class AlbumImportE2eTest extends E2eBase {
    @Test
    void aFolderOfEightTaggedFilesIsIdentifiedWithAtMostTwoMusicBrainzRequestsAndNoneOnLaterRuns() throws Exception {
        Path folder = root.resolve("The Synthesists/Waveforms");
        List<Path> files = album.writeFolder(folder);

        SessionStatus first = Imports.run(fakes.online(root), folder);
        System.out.printf("folder album, first run (%d workers): %s%n", Fakes.WORKERS, fakes.counts());

        assertThat(first.filesImported()).isEqualTo(TRACKS);
        assertThat(first.accepted()).isEqualTo(TRACKS);
        assertThat(fakes.violations()).isZero();
        assertThat(fakes.musicBrainzRequests())
                .as("MusicBrainz requests for one album")
                .isLessThanOrEqualTo(2);
        assertThat(fakes.acoustId.requests("lookup"))
                .as("one AcoustID request per single-file group at most")
                .isLessThanOrEqualTo(TRACKS);
        Imports.assertAlbumIdentified(root);

        fakes.reset();
        SessionStatus again = Imports.run(fakes.online(root), folder);
        System.out.printf("folder album, unchanged second run: %s%n", fakes.counts());
        assertThat(again.filesUnchanged()).isEqualTo(TRACKS);
        assertThat(again.filesImported()).isZero();
        assertThat(fakes.outsideRequests()).isZero();

        Instant later = Instant.now().plusSeconds(60);
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(later));
        }
        fakes.reset();
        SessionStatus touched = Imports.run(fakes.online(root), folder);
        System.out.printf("folder album, touched files re-imported: %s%n", fakes.counts());
        assertThat(touched.filesImported()).isEqualTo(TRACKS);
        assertThat(touched.accepted()).isEqualTo(TRACKS);
        assertThat(fakes.outsideRequests())
                .as("a re-import is served from the caches")
                .isZero();
        Imports.assertAlbumIdentified(root);
    }

    @Test
    void oneFileOfEightTracksJoinedBySilenceIsIdentifiedAsTheRelease() throws Exception {
        Path folder = root.resolve("rips");
        album.writeJoined(folder.resolve("The Synthesists - Waveforms.flac"));

        SessionStatus first = Imports.run(fakes.online(root), folder);
        System.out.printf("multi-segment album, first run: %s%n", fakes.counts());

        assertThat(first.filesImported()).isEqualTo(1);
        assertThat(first.passagesCreated()).isEqualTo(TRACKS);
        assertThat(first.accepted()).isEqualTo(TRACKS);
        assertThat(fakes.violations()).isZero();
        assertThat(fakes.musicBrainzRequests()).isLessThanOrEqualTo(2);
        assertThat(fakes.acoustId.requests("lookup"))
                .as("the file's 8 fingerprints in one batched request")
                .isEqualTo(1);
        Imports.assertAlbumIdentified(root);
        try (LibraryDb db = new LibraryDb(root)) {
            assertThat(db.rows("SELECT identification_evidence FROM passages")
                            .get(3)
                            .get("identification_evidence")
                            .toString())
                    .contains("multi-segment");
        }

        fakes.reset();
        SessionStatus again = Imports.run(fakes.online(root), folder);
        System.out.printf("multi-segment album, unchanged second run: %s%n", fakes.counts());
        assertThat(again.filesUnchanged()).isEqualTo(1);
        assertThat(fakes.outsideRequests()).isZero();
    }
}
