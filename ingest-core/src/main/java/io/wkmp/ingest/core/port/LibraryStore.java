package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.session.SessionRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WKMP database as the import sees it. Writes are atomic per call and serialised (one writer);
 * no call holds a transaction while the caller computes. Thread-safe.
 *
 * @throws io.wkmp.ingest.core.error.CriticalIngestException DB_WRITE_FAILED, DISK_FULL, DATABASE_UNAVAILABLE
 */
public interface LibraryStore extends ResponseCache {
    /** Every known file, by relative path. */
    Map<String, KnownFile> knownFiles();

    /** A completely imported file with this content hash, if any. */
    Optional<KnownFile> findCompleteByHash(String sha256);

    /** Writes the files' complete results in one transaction, replacing earlier results for the same paths. */
    void write(List<FileImport> files);

    /** Removes files (and their passages) that no longer exist on disk. */
    void removeFiles(Collection<String> relativePaths);

    /** Every row of {@code settings}. */
    Map<String, String> readSettings();

    /** Inserts or replaces settings rows. */
    void writeSettings(Map<String, String> settings);

    /** Writes the rows of {@code values} that are missing or NULL; a stored value, even a bad one, is kept. */
    void writeMissingSettings(Map<String, String> values);

    /** Inserts or replaces the history row of a session. */
    void recordSession(SessionRecord session);

    /**
     * Passages whose identification is PENDING, in file and time order, of the files under {@code folderPrefix} (a
     * relative folder ending in "/"), or of every file when it is "".
     */
    List<PendingPassage> passagesPendingIdentification(String folderPrefix);

    /** How many passages of the files under {@code folderPrefix} ("" for all) are PENDING. */
    default int countPendingIdentification(String folderPrefix) {
        return passagesPendingIdentification(folderPrefix).size();
    }

    /**
     * Replaces the identification and song/album links of stored passages, all in one transaction; a passage a person
     * decided keeps that decision.
     */
    void updateIdentifications(List<IdentificationUpdate> updates);

    /**
     * The passages with one of {@code decisions} of the files under {@code folderPrefix} ("" for all), in file and
     * time order, with their evidence, candidates and user decision.
     */
    List<ReviewPassage> passagesForReview(Set<Decision> decisions, String folderPrefix);

    /** One passage as {@link #passagesForReview} gives it, if it exists. */
    Optional<ReviewPassage> passageForReview(String passageGuid);

    /**
     * Stores a person's decision on a passage: its decision becomes {@link UserDecision#decision()}, its recording
     * and song link the decided recording (none when not identifiable), and the decision (who, when) is kept with
     * the evidence. A later {@link #write} of the same file content with a passage at the same place keeps it;
     * {@link #updateIdentifications} never replaces it.
     *
     * @throws java.util.NoSuchElementException when the passage is unknown
     */
    void recordUserDecision(String passageGuid, UserDecision decision);
}
