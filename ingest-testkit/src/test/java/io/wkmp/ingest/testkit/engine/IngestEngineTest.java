package io.wkmp.ingest.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.engine.IngestEngine;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.FileDiscovery;
import io.wkmp.ingest.core.port.FileOutcome;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.ImportSession;
import io.wkmp.ingest.core.port.Ingestor;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.tags.FileTags;
import io.wkmp.ingest.testkit.memory.InMemoryLibraryStore;
import io.wkmp.ingest.testkit.memory.RecordingImportEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator with a scripted pipeline: states, counts, incremental runs, errors, cancel, pause. */
class IngestEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    final InMemoryLibraryStore store = new InMemoryLibraryStore();
    final Set<String> processed = ConcurrentHashMap.newKeySet();

    /** Every regular file below the folder, as audio. */
    final FileDiscovery discovery = (folder, found, rejected) -> {
        try (Stream<Path> s = Files.walk(folder)) {
            List<FileTask> tasks = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                if (read(p).equals("text")) {
                    rejected.rejected(task(p).relativePath(), ErrorCode.UNSUPPORTED_FORMAT, "content is not audio");
                } else {
                    tasks.add(task(p));
                }
            }
            found.accept(tasks.size());
            return tasks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    /** Content "corrupt" is rejected, "error" throws a bug; otherwise one passage per file, duplicates by content. */
    final FilePipeline pipeline = (task, ctx) -> {
        processed.add(task.relativePath());
        ctx.stage("decode");
        String content = read(task.file());
        if (content.equals("corrupt")) {
            throw new FileRejectedException(ErrorCode.DECODE_ERROR, "Invalid data found when processing input");
        }
        if (content.equals("error")) {
            throw new IllegalStateException("a bug");
        }
        String hash = Integer.toHexString(content.hashCode());
        var dup = ctx.claimHash(hash, task.relativePath());
        if (dup.isPresent()) {
            return new FileOutcome.Imported(file(task, hash, FileStatus.DUPLICATE_HASH, 0, dup.get()), List.of());
        }
        return new FileOutcome.Imported(file(task, hash, FileStatus.INGEST_COMPLETE, 1, null), List.of());
    };

    IngestEngine engine(FilePipeline p) {
        return IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(discovery)
                .pipeline(params -> p)
                .build();
    }

    @Test
    void importsEveryFileAndReportsStatesInOrder() throws Exception {
        library(
                "a/1.flac",
                "one",
                "a/2.flac",
                "two",
                "b/3.mp3",
                "three",
                "b/copy.mp3",
                "one",
                "c/bad.mp3",
                "corrupt",
                "c/notes.mp3",
                "text");
        ImportSession s = engine(pipeline).start(root, ImportParameters.defaults());
        SessionStatus done = s.await(WAIT);

        assertThat(done.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(done.filesTotal()).isEqualTo(6);
        assertThat(done.filesDone()).isEqualTo(6);
        assertThat(done.filesImported()).isEqualTo(3);
        assertThat(done.filesDuplicate()).isEqualTo(1);
        assertThat(done.filesSkipped()).isEqualTo(2);
        assertThat(done.passagesCreated()).isEqualTo(3);
        assertThat(done.pending()).isEqualTo(3);
        assertThat(done.percentage()).isEqualTo(100.0);
        assertThat(done.issues())
                .extracting(ImportIssue::code, ImportIssue::filePath)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ErrorCode.UNSUPPORTED_FORMAT, "c/notes.mp3"),
                        org.assertj.core.groups.Tuple.tuple(ErrorCode.DECODE_ERROR, "c/bad.mp3"));
        // several workers: whichever of the two same-content files claims its hash first is the original
        FileImport one = store.file("a/1.flac").orElseThrow();
        FileImport copy = store.file("b/copy.mp3").orElseThrow();
        assertThat(List.of(one, copy))
                .filteredOn(f -> f.status() == FileStatus.DUPLICATE_HASH)
                .singleElement()
                .satisfies(d -> assertThat(d.duplicateOfPath()).isEqualTo(d == one ? "b/copy.mp3" : "a/1.flac"));
        assertThat(store.sessions()).singleElement().satisfies(r -> {
            assertThat(r.sessionId()).isEqualTo(s.id());
            assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
            assertThat(r.filesTotal()).isEqualTo(6);
            assertThat(r.issues()).hasSize(2);
            assertThat(r.endedAt()).isNotNull();
        });

        List<ImportEvent> events =
                s.eventsSince(0).stream().map(ImportEvent.Sequenced::event).collect(Collectors.toList());
        List<String> moves = events.stream()
                .filter(e -> e instanceof ImportEvent.StateChanged)
                .map(e -> ((ImportEvent.StateChanged) e).from() + "->" + ((ImportEvent.StateChanged) e).to())
                .collect(Collectors.toList());
        assertThat(moves).containsExactly("null->SCANNING", "SCANNING->PROCESSING", "PROCESSING->COMPLETED");
        assertThat(events.get(events.size() - 1)).isInstanceOf(ImportEvent.Finished.class);
        assertThat(events).filteredOn(e -> e instanceof ImportEvent.IssueRaised).hasSize(2);
        // sequence numbers are 1..n without gaps, and catch-up returns only what is newer
        assertThat(s.eventsSince(0).get(0).sequence()).isEqualTo(1);
        assertThat(s.eventsSince(2)).hasSize(events.size() - 2);
        // a late subscriber replays what it missed, from the sequence it names
        RecordingImportEvents late = new RecordingImportEvents();
        s.subscribe(late, 0);
        assertThat(late.events()).containsExactlyElementsOf(events);
        RecordingImportEvents partial = new RecordingImportEvents();
        s.subscribe(partial, 2);
        assertThat(partial.events()).containsExactlyElementsOf(events.subList(2, events.size()));
    }

    @Test
    void secondRunSkipsUnchangedReimportsChangedAndForgetsVanished() throws Exception {
        library("1.flac", "one", "2.flac", "two", "3.flac", "three");
        IngestEngine engine = engine(pipeline);
        assertThat(engine.start(root, ImportParameters.defaults()).await(WAIT).filesImported())
                .isEqualTo(3);
        processed.clear();

        Files.writeString(root.resolve("2.flac"), "two, remastered");
        Files.setLastModifiedTime(root.resolve("2.flac"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        Files.delete(root.resolve("3.flac"));
        library("4.flac", "four");
        SessionStatus second = engine.start(root, ImportParameters.defaults()).await(WAIT);

        assertThat(processed).containsExactlyInAnyOrder("2.flac", "4.flac");
        assertThat(second.filesUnchanged()).isEqualTo(1);
        assertThat(second.filesImported()).isEqualTo(2);
        assertThat(second.filesTotal()).isEqualTo(3);
        assertThat(store.knownFiles()).containsOnlyKeys("1.flac", "2.flac", "4.flac");
    }

    @Test
    void aBugInOneFileSkipsItAndTheImportGoesOn() throws Exception {
        library("1.flac", "one", "2.flac", "error", "3.flac", "three");
        SessionStatus done =
                engine(pipeline).start(root, ImportParameters.defaults()).await(WAIT);
        assertThat(done.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(done.filesImported()).isEqualTo(2);
        assertThat(done.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(i.message()).contains("a bug");
        });
    }

    @Test
    void aDatabaseFailureFailsTheSessionKeepingWhatWasCommitted() throws Exception {
        library("1.flac", "one", "2.flac", "two", "3.flac", "three", "4.flac", "four");
        store.failWritesOf(f -> f.relativePath().equals("3.flac"));
        IngestEngine engine = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(discovery)
                .pipeline(params -> pipeline)
                .processors(1)
                .build();
        SessionStatus done = engine.start(
                        root, ImportParameters.defaults().with(Map.of("ai_processing_thread_count", "1")))
                .await(WAIT);
        assertThat(done.state()).isEqualTo(SessionState.FAILED);
        assertThat(store.knownFiles()).containsOnlyKeys("1.flac", "2.flac");
        assertThat(done.issues()).extracting(ImportIssue::code).contains(ErrorCode.DB_WRITE_FAILED);
    }

    @Test
    void batchesCommitSeveralFilesPerTransaction() throws Exception {
        for (int i = 0; i < 10; i++) {
            library("f" + i + ".flac", "content " + i);
        }
        SessionStatus done = engine(pipeline)
                .start(
                        root,
                        ImportParameters.defaults()
                                .with(Map.of("ai_db_batch_files", "5", "ai_processing_thread_count", "1")))
                .await(WAIT);
        assertThat(done.filesImported()).isEqualTo(10);
        assertThat(store.writeCalls()).isEqualTo(2);
    }

    @Test
    void cancelStopsWorkersAndKeepsCommittedFiles() throws Exception {
        for (int i = 0; i < 8; i++) {
            library("f" + i + ".flac", "content " + i);
        }
        CountDownLatch twoDone = new CountDownLatch(2);
        FilePipeline slow = (task, ctx) -> {
            FileOutcome o = pipeline.process(task, ctx);
            twoDone.countDown();
            if (twoDone.getCount() == 0) {
                try {
                    Thread.sleep(60_000); // a long decode: cancel must interrupt it
                } catch (InterruptedException e) {
                    throw new io.wkmp.ingest.core.port.PipelineContext.CancelledException();
                }
            }
            return o;
        };
        IngestEngine engine = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(discovery)
                .pipeline(params -> slow)
                .build();
        ImportSession s =
                engine.start(root, ImportParameters.defaults().with(Map.of("ai_processing_thread_count", "1")));
        assertThat(twoDone.await(10, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        s.cancel();
        SessionStatus done = s.await(WAIT);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
        assertThat(done.state()).isEqualTo(SessionState.CANCELLED);
        assertThat(store.knownFiles()).hasSize(1);
        assertThat(done.filesDone()).isEqualTo(1);
        assertThat(done.issues()).isEmpty();
        assertThat(engine.active()).isEmpty();
    }

    @Test
    void refusedAcoustIdKeyPausesUntilAValidKeyOrSkip() throws Exception {
        library("1.flac", "one", "2.flac", "two");
        List<String> keysUsed = new ArrayList<>();
        AcoustIdKeys keys = new AcoustIdKeys() {
            @Override
            public boolean validate(String apiKey) {
                return apiKey.equals("good-key");
            }

            @Override
            public void use(String apiKey) {
                keysUsed.add(apiKey);
            }
        };
        List<Boolean> answers = new ArrayList<>();
        FilePipeline asking = (task, ctx) -> {
            if (task.relativePath().equals("1.flac")) {
                long before = ctx.acoustIdKey().version();
                answers.add(ctx.acoustIdKey().refused("invalid API key", before));
                // a lookup that went out with the old key before the answer is refused late: it retries, no new prompt
                answers.add(ctx.acoustIdKey().refused("invalid API key (late)", before));
            }
            return pipeline.process(task, ctx);
        };
        IngestEngine engine = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(discovery)
                .pipeline(params -> asking)
                .acoustIdKeys(keys)
                .build();
        RecordingImportEvents events = new RecordingImportEvents();
        ImportSession s =
                engine.start(root, ImportParameters.defaults().with(Map.of("ai_processing_thread_count", "1")));
        s.subscribe(events);
        awaitState(s, SessionState.PAUSED);
        assertThat(s.status().pauseReason()).contains("AcoustID refused the API key");
        assertThat(s.provideAcoustIdKey("bad-key")).isFalse();
        assertThat(s.status().state()).isEqualTo(SessionState.PAUSED);
        assertThat(s.provideAcoustIdKey("good-key")).isTrue();
        SessionStatus done = s.await(WAIT);
        assertThat(done.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(answers).containsExactly(true, true);
        assertThat(keysUsed).containsExactly("good-key");
        assertThat(s.eventsSince(0))
                .filteredOn(e -> e.event() instanceof ImportEvent.StateChanged
                        && ((ImportEvent.StateChanged) e.event()).to() == SessionState.PAUSED)
                .as("one prompt only")
                .hasSize(1);
        assertThat(events.events(ImportEvent.StateChanged.class))
                .extracting(ImportEvent.StateChanged::to)
                .contains(SessionState.PROCESSING, SessionState.COMPLETED);
    }

    @Test
    void skippingAcoustIdResumesWithoutIt() throws Exception {
        library("1.flac", "one");
        List<Boolean> answers = new ArrayList<>();
        FilePipeline asking = (task, ctx) -> {
            answers.add(ctx.acoustIdKey()
                    .refused("invalid API key", ctx.acoustIdKey().version()));
            answers.add(ctx.acoustIdKey().enabled());
            return pipeline.process(task, ctx);
        };
        ImportSession s = engine(asking).start(root, ImportParameters.defaults());
        awaitState(s, SessionState.PAUSED);
        s.skipAcoustId();
        assertThat(s.await(WAIT).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(answers).containsExactly(false, false);
    }

    @Test
    void oneImportAtATimeAndFoldersMustBeInsideTheRoot() throws Exception {
        library("1.flac", "one");
        CountDownLatch release = new CountDownLatch(1);
        IngestEngine engine = engine((task, ctx) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new io.wkmp.ingest.core.port.PipelineContext.CancelledException();
            }
            return pipeline.process(task, ctx);
        });
        ImportSession first = engine.start(Path.of(""), ImportParameters.defaults());
        assertThat(engine.active()).contains(first);
        assertThatThrownBy(() -> engine.start(root, ImportParameters.defaults()))
                .isInstanceOf(Ingestor.ImportConflictException.class)
                .hasMessage("an import is already running (session " + first.id() + ")");
        release.countDown();
        first.await(WAIT);
        assertThat(engine.session(first.id())).contains(first);

        Path outside = Files.createTempDirectory("outside");
        assertThatThrownBy(() -> engine.start(outside, ImportParameters.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the root folder");
        assertThatThrownBy(() -> engine.start(Path.of("missing"), ImportParameters.defaults()))
                .hasMessage("folder " + root.resolve("missing") + " does not exist");
        assertThatThrownBy(() -> engine.start(Path.of("1.flac"), ImportParameters.defaults()))
                .hasMessage("folder " + root.resolve("1.flac") + " is not a directory");
        assertThatThrownBy(() -> engine.start(Path.of(".."), ImportParameters.defaults()))
                .hasMessageContaining("is outside the root folder");
    }

    @Test
    void progressIsPublishedWhileFilesTakeLong() throws Exception {
        library("1.flac", "one");
        CountDownLatch shownAtWork = new CountDownLatch(1);
        // the file takes until a progress event shows a worker on it (the periodic one: the engine publishes none
        // of its own while a file runs), or 30 s, far longer than the 2 s progress interval
        FilePipeline slow = (task, ctx) -> {
            try {
                shownAtWork.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new io.wkmp.ingest.core.port.PipelineContext.CancelledException();
            }
            return pipeline.process(task, ctx);
        };
        ImportSession s = engine(slow).start(root, ImportParameters.defaults());
        s.subscribe(
                e -> {
                    if (e instanceof ImportEvent.Progress p
                            && p.status().workers().stream().anyMatch(w -> "1.flac".equals(w.filePath()))) {
                        shownAtWork.countDown();
                    }
                },
                0);
        s.await(Duration.ofSeconds(60));
        List<ImportEvent.Progress> progress = s.eventsSince(0).stream()
                .map(ImportEvent.Sequenced::event)
                .filter(e -> e instanceof ImportEvent.Progress)
                .map(e -> (ImportEvent.Progress) e)
                .collect(Collectors.toList());
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress)
                .anySatisfy(p -> assertThat(p.status().workers())
                        .anySatisfy(w -> assertThat(w.filePath()).isEqualTo("1.flac")));
    }

    @Test
    void thePercentageMovesBeforeTheFirstFileEnds() throws Exception {
        library("1.flac", "one", "2.flac", "two");
        CountDownLatch decoding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilePipeline slow = (task, ctx) -> {
            ctx.stage("decode");
            if (task.relativePath().equals("1.flac")) {
                decoding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new io.wkmp.ingest.core.port.PipelineContext.CancelledException();
                }
            }
            return pipeline.process(task, ctx);
        };
        ImportSession s = IngestEngine.builder()
                .rootFolder(root)
                .store(store)
                .discovery(discovery)
                .pipeline(params -> slow)
                .build()
                .start(root, ImportParameters.defaults().with(Map.of("ai_processing_thread_count", "1")));
        assertThat(decoding.await(20, TimeUnit.SECONDS)).isTrue();
        SessionStatus during = s.status();
        release.countDown();

        assertThat(during.filesDone()).isZero();
        assertThat(during.filesInProgress()).isGreaterThan(0).isLessThan(1);
        assertThat(during.percentage()).isGreaterThan(0).isLessThan(50);
        SessionStatus done = s.await(WAIT);
        assertThat(done.percentage()).isEqualTo(100.0);
        assertThat(done.filesInProgress()).isZero();
    }

    @Test
    void aRunOfUnchangedFilesCountsThemAndHasARate() throws Exception {
        library("1.flac", "one", "2.flac", "two", "3.flac", "three");
        IngestEngine engine = engine(pipeline);
        engine.start(root, ImportParameters.defaults()).await(WAIT);

        SessionStatus again = engine.start(root, ImportParameters.defaults()).await(WAIT);

        assertThat(again.filesUnchanged()).isEqualTo(3);
        assertThat(again.filesDone()).isEqualTo(3);
        assertThat(again.filesImported() + again.filesUnchanged() + again.filesDuplicate() + again.filesSkipped())
                .isEqualTo(again.filesDone());
        assertThat(again.ratePerSecond()).as("files per second").isGreaterThan(0);
        assertThat(again.etaSeconds()).isZero();
    }

    private void awaitState(ImportSession s, SessionState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (s.status().state() != state) {
            assertThat(System.nanoTime()).as("waiting for " + state).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void library(String... pathsAndContents) throws IOException {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path p = root.resolve(pathsAndContents[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, pathsAndContents[i + 1]);
        }
    }

    private FileTask task(Path p) {
        try {
            String rel = root.toRealPath().relativize(p.toRealPath()).toString().replace('\\', '/');
            return new FileTask(
                    p, rel, Files.size(p), Files.getLastModifiedTime(p).toInstant(), "FLAC");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileImport file(FileTask t, String hash, FileStatus status, int passages, String duplicateOf) {
        List<PassageImport> ps = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            ps.add(new PassageImport(
                    PassageTiming.bounds(0, 28_224_000),
                    "t",
                    "a",
                    "b",
                    null,
                    Identification.pending("offline"),
                    null,
                    null,
                    null,
                    null));
        }
        return new FileImport(
                t.relativePath(),
                hash,
                t.sizeBytes(),
                t.modifiedAt(),
                null,
                passages == 0 ? -1 : 28_224_000,
                t.formatName(),
                status,
                FileTags.EMPTY,
                ps,
                List.of(),
                duplicateOf);
    }
}
