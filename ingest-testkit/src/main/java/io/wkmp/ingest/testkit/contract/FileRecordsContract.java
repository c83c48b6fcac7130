package io.wkmp.ingest.testkit.contract;

import static io.wkmp.ingest.testkit.contract.StoreFixtures.MTIME;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.decided;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.duplicate;
import static io.wkmp.ingest.testkit.contract.StoreFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.port.LibraryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The part of {@link LibraryStoreContract} about files: a written file is known (size, time, status, guid), a new
 * result replaces the old, a hash is claimed by a complete file only, a removed file takes its passages.
 */
public interface FileRecordsContract {
    /** The store under test. */
    LibraryStore store();

    @Test
    default void aWrittenFileIsKnownWithItsSizeTimeAndStatusAndIsNotImportedAgainUnchanged() {
        store().write(List.of(decided("a/one.flac", "sha-1", 2, Decision.ACCEPT)));

        KnownFile known = store().knownFiles().get("a/one.flac");
        assertThat(known).isNotNull();
        assertThat(known.guid()).isNotBlank();
        assertThat(known.sha256()).isEqualTo("sha-1");
        assertThat(known.status()).isEqualTo(FileStatus.INGEST_COMPLETE);
        assertThat(known.sameAs(known.sizeBytes(), MTIME)).isTrue();
        assertThat(known.sameAs(known.sizeBytes(), MTIME.plusMillis(1))).isFalse();
        assertThat(known.sameAs(known.sizeBytes() + 1, MTIME)).isFalse();
        assertThat(store().knownFiles()).containsOnlyKeys("a/one.flac");
    }

    @Test
    default void writingAFileAgainReplacesItsResultAndKeepsItsGuid() {
        store().write(List.of(pending("a/one.flac", "sha-1", 3)));
        String guid = store().knownFiles().get("a/one.flac").guid();

        store().write(List.of(decided("a/one.flac", "sha-2", 2, Decision.REVIEW)));

        KnownFile known = store().knownFiles().get("a/one.flac");
        assertThat(known.guid()).isEqualTo(guid);
        assertThat(known.sha256()).isEqualTo("sha-2");
        assertThat(store().passagesPendingIdentification("")).isEmpty();
        assertThat(store().passagesForReview(StoreFixtures.ALL_DECISIONS, ""))
                .extracting(ReviewPassage::decision)
                .containsExactly(Decision.REVIEW, Decision.REVIEW);
    }

    @Test
    default void aHashIsClaimedOnlyByACompleteFile() {
        store().write(List.of(
                decided("a/one.flac", "sha-1", 1, Decision.ACCEPT), duplicate("b/copy.flac", "sha-1", "a/one.flac")));

        assertThat(store().findCompleteByHash("sha-1"))
                .map(KnownFile::relativePath)
                .contains("a/one.flac");
        assertThat(store().findCompleteByHash("sha-unknown")).isEmpty();
        assertThat(store().knownFiles().get("b/copy.flac").status()).isEqualTo(FileStatus.DUPLICATE_HASH);

        store().write(List.of(duplicate("c/alone.flac", "sha-3", "gone.flac")));
        assertThat(store().findCompleteByHash("sha-3")).isEmpty();
    }

    @Test
    default void removedFilesTakeTheirPassagesWithThem() {
        store().write(List.of(pending("a/one.flac", "sha-1", 2), pending("b/two.flac", "sha-2", 1)));

        store().removeFiles(List.of("a/one.flac"));

        assertThat(store().knownFiles()).containsOnlyKeys("b/two.flac");
        assertThat(store().passagesPendingIdentification(""))
                .extracting(PendingPassage::fileRelativePath)
                .containsExactly("b/two.flac");
        assertThat(store().passagesForReview(StoreFixtures.ALL_DECISIONS, ""))
                .extracting(ReviewPassage::fileRelativePath)
                .containsExactly("b/two.flac");
    }
}
