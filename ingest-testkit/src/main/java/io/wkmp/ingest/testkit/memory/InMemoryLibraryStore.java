package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.session.SessionRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link LibraryStore} in memory (passage guids are {@code <path>#<index>}), for tests of code that writes the library. Writes are atomic per
 * call; a failure can be injected for files matching a predicate. Thread-safe.
 */
public final class InMemoryLibraryStore implements LibraryStore {
    private final Map<String, FileImport> files = new LinkedHashMap<>();
    private final Map<String, KnownFile> known = new LinkedHashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> cache = new HashMap<>();
    private final List<SessionRecord> sessions = new ArrayList<>();
    private final UserDecisions userDecisions = new UserDecisions();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private volatile Predicate<FileImport> failWhen = f -> false;

    /** Makes every later write that contains a matching file fail as the database would (DB_WRITE_FAILED). */
    public InMemoryLibraryStore failWritesOf(Predicate<FileImport> failWhen) {
        this.failWhen = failWhen;
        return this;
    }

    @Override
    public synchronized Map<String, KnownFile> knownFiles() {
        return new LinkedHashMap<>(known);
    }

    @Override
    public synchronized Optional<KnownFile> findCompleteByHash(String sha256) {
        return known.values().stream()
                .filter(k -> k.status() == FileStatus.INGEST_COMPLETE && sha256.equals(k.sha256()))
                .findFirst();
    }

    @Override
    public synchronized void write(List<FileImport> batch) {
        writeCalls.incrementAndGet();
        for (FileImport f : batch) {
            if (failWhen.test(f)) {
                throw new CriticalIngestException(
                        ErrorCode.DB_WRITE_FAILED, "injected write failure for " + f.relativePath(), null);
            }
        }
        for (FileImport f : batch) {
            userDecisions.rewrite(files.get(f.relativePath()), f);
            files.put(f.relativePath(), f);
            KnownFile before = known.get(f.relativePath());
            String guid = before == null ? UUID.randomUUID().toString() : before.guid();
            known.put(
                    f.relativePath(),
                    new KnownFile(guid, f.relativePath(), f.sha256(), f.sizeBytes(), f.modifiedAt(), f.status()));
        }
    }

    @Override
    public synchronized void removeFiles(Collection<String> relativePaths) {
        for (String p : relativePaths) {
            files.remove(p);
            known.remove(p);
            userDecisions.removeFile(p);
        }
    }

    @Override
    public synchronized Map<String, String> readSettings() {
        return new HashMap<>(settings);
    }

    @Override
    public synchronized void writeSettings(Map<String, String> values) {
        settings.putAll(values);
    }

    @Override
    public synchronized Optional<String> get(Kind kind, String key) {
        return Optional.ofNullable(cache.get(kind + "/" + key));
    }

    @Override
    public synchronized void put(Kind kind, String key, String value) {
        cache.put(kind + "/" + key, value);
    }

    @Override
    public synchronized void writeMissingSettings(Map<String, String> values) {
        values.forEach(settings::putIfAbsent);
    }

    @Override
    public synchronized void recordSession(SessionRecord session) {
        sessions.removeIf(s -> s.sessionId().equals(session.sessionId()));
        sessions.add(session);
    }

    /** In path order, like the database (files are written in any order). */
    @Override
    public synchronized List<PendingPassage> passagesPendingIdentification(String folderPrefix) {
        List<PendingPassage> out = new ArrayList<>();
        byPath(folderPrefix).forEach(f -> out.addAll(PassageViews.pending(f)));
        return out;
    }

    @Override
    public synchronized void updateIdentifications(List<IdentificationUpdate> updates) {
        for (IdentificationUpdate u : updates) {
            if (!userDecisions.has(u.passageGuid())) {
                FileImport f = files.get(PassageViews.pathOf(u.passageGuid()).orElseThrow());
                files.put(f.relativePath(), PassageViews.identified(f, PassageViews.indexOf(u.passageGuid()), u));
            }
        }
    }

    /** In path order, like the database. */
    @Override
    public synchronized List<ReviewPassage> passagesForReview(Set<Decision> decisions, String folderPrefix) {
        List<ReviewPassage> out = new ArrayList<>();
        for (FileImport f : byPath(folderPrefix)) {
            for (int i = 0; i < f.passages().size(); i++) {
                ReviewPassage p = PassageViews.review(f, i, userDecisions.get(PassageViews.guid(f.relativePath(), i)));
                if (p.decision() != null && decisions.contains(p.decision())) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<ReviewPassage> passageForReview(String passageGuid) {
        FileImport f = PassageViews.pathOf(passageGuid).map(files::get).orElse(null);
        int index = f == null ? -1 : PassageViews.indexOf(passageGuid);
        return index < 0 || index >= f.passages().size()
                ? Optional.empty()
                : Optional.of(PassageViews.review(f, index, userDecisions.get(passageGuid)));
    }

    @Override
    public synchronized void recordUserDecision(String passageGuid, UserDecision decision) {
        if (passageForReview(passageGuid).isEmpty()) {
            throw new NoSuchElementException("no passage " + passageGuid);
        }
        userDecisions.put(passageGuid, decision);
    }

    private List<FileImport> byPath(String folderPrefix) {
        return files.values().stream()
                .filter(f -> f.relativePath().startsWith(folderPrefix))
                .sorted(Comparator.comparing(FileImport::relativePath))
                .toList();
    }

    /** The recorded session history, oldest first. */
    public synchronized List<SessionRecord> sessions() {
        return List.copyOf(sessions);
    }

    /** The last written result of a file. */
    public synchronized Optional<FileImport> file(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    /** Every written file result, in first-write order. */
    public synchronized List<FileImport> files() {
        return List.copyOf(files.values());
    }

    /** How many write calls (transactions) there were. */
    public int writeCalls() {
        return writeCalls.get();
    }
}
