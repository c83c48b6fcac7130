package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.KnownFile;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.LibraryStore;
import io.wkmp.ingest.core.session.SessionRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    private final Map<String, UserDecision> userDecisions = new HashMap<>();
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
            FileImport old = files.get(f.relativePath());
            for (int i = 0; old != null && i < old.passages().size(); i++) {
                String guid = f.relativePath() + "#" + i;
                if (userDecisions.containsKey(guid)
                        && (i >= f.passages().size()
                                || !UserDecision.carriesOver(
                                        old.sha256(),
                                        old.passages().get(i).timing(),
                                        f.sha256(),
                                        f.passages().get(i).timing()))) {
                    userDecisions.remove(guid);
                }
            }
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
            userDecisions.keySet().removeIf(g -> g.startsWith(p + "#"));
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
    public synchronized ImportParameters loadParameters(Consumer<String> problems) {
        ImportParameters p = ImportParameters.fromSettings(settings, problems);
        p.toSettings().forEach(settings::putIfAbsent);
        return p;
    }

    @Override
    public synchronized void recordSession(SessionRecord session) {
        sessions.removeIf(s -> s.sessionId().equals(session.sessionId()));
        sessions.add(session);
    }

    @Override
    public synchronized List<PendingPassage> passagesPendingIdentification(String folderPrefix) {
        List<PendingPassage> out = new ArrayList<>();
        for (FileImport f : files.values()) {
            if (!f.relativePath().startsWith(folderPrefix)) {
                continue;
            }
            for (int i = 0; i < f.passages().size(); i++) {
                PassageImport p = f.passages().get(i);
                if (p.identification() != null && p.identification().decision() == Decision.PENDING) {
                    out.add(new PendingPassage(
                            f.relativePath() + "#" + i,
                            f.relativePath(),
                            i,
                            f.passages().size(),
                            p.timing(),
                            p.title(),
                            p.artist(),
                            p.album(),
                            p.fingerprint(),
                            f.tags()));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void updateIdentifications(List<IdentificationUpdate> updates) {
        for (IdentificationUpdate u : updates) {
            if (userDecisions.containsKey(u.passageGuid())) {
                continue;
            }
            int hash = u.passageGuid().lastIndexOf('#');
            FileImport f = files.get(u.passageGuid().substring(0, hash));
            int index = Integer.parseInt(u.passageGuid().substring(hash + 1));
            List<PassageImport> ps = new ArrayList<>(f.passages());
            PassageImport p = ps.get(index);
            ps.set(
                    index,
                    new PassageImport(
                            p.timing(),
                            p.title(),
                            p.artist(),
                            p.album(),
                            p.fingerprint(),
                            u.identification(),
                            u.recording(),
                            u.release(),
                            u.flavor() != null ? u.flavor() : p.flavor(),
                            p.amplitude()));
            files.put(
                    f.relativePath(),
                    new FileImport(
                            f.relativePath(),
                            f.sha256(),
                            f.sizeBytes(),
                            f.modifiedAt(),
                            f.format(),
                            f.durationTicks(),
                            f.formatName(),
                            f.status(),
                            f.tags(),
                            ps,
                            f.images(),
                            f.duplicateOfPath()));
        }
    }

    @Override
    public synchronized List<ReviewPassage> passagesForReview(Set<Decision> decisions, String folderPrefix) {
        List<ReviewPassage> out = new ArrayList<>();
        for (FileImport f : files.values()) {
            for (int i = 0;
                    f.relativePath().startsWith(folderPrefix)
                            && i < f.passages().size();
                    i++) {
                ReviewPassage p = reviewPassage(f, i);
                if (p.decision() != null && decisions.contains(p.decision())) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<ReviewPassage> passageForReview(String passageGuid) {
        int hash = passageGuid.lastIndexOf('#');
        FileImport f = hash < 0 ? null : files.get(passageGuid.substring(0, hash));
        if (f == null) {
            return Optional.empty();
        }
        try {
            int index = Integer.parseInt(passageGuid.substring(hash + 1));
            return index < 0 || index >= f.passages().size() ? Optional.empty() : Optional.of(reviewPassage(f, index));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void recordUserDecision(String passageGuid, UserDecision decision) {
        if (passageForReview(passageGuid).isEmpty()) {
            throw new NoSuchElementException("no passage " + passageGuid);
        }
        userDecisions.put(passageGuid, decision);
    }

    private ReviewPassage reviewPassage(FileImport f, int index) {
        PassageImport p = f.passages().get(index);
        String guid = f.relativePath() + "#" + index;
        UserDecision user = userDecisions.get(guid);
        var id = p.identification();
        Decision decision = user != null ? user.decision() : id == null ? null : id.decision();
        String mbid = user != null ? user.recordingMbid() : id == null ? null : id.recordingMbid();
        var evidence = id == null ? null : id.evidence();
        return new ReviewPassage(
                guid,
                f.relativePath(),
                p.timing(),
                p.title(),
                p.artist(),
                p.album(),
                f.tags(),
                decision,
                id == null || !Double.isFinite(id.confidence()) ? null : id.confidence(),
                mbid,
                evidence == null ? List.of() : evidence.breakdown(),
                evidence == null ? List.of() : evidence.reasons(),
                evidence == null ? List.of() : evidence.candidates(),
                user);
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
