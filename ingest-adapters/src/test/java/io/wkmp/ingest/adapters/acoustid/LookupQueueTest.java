package io.wkmp.ingest.adapters.acoustid;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.engine.LiveWorkers;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService.InvalidApiKeyException;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.testkit.fakes.ChromaprintCodec;
import io.wkmp.ingest.testkit.fakes.FakeAcoustIdServer;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AcoustID lookup queue with workers playing the engine's (busy while "analysing" a file, waiting while its
 * lookups travel), against the fake AcoustID at the real rate: every answer reaches the passage that asked, requests
 * carry up to 20 fingerprints from many files, and nothing waits for the queue's timer (set to an hour here: a
 * batch that only the timer could send would hang the test).
 */
class LookupQueueTest {
    private static final String KEY = "queueKey1";
    private static final int RECORDINGS = 60;
    private static final Duration NEVER = Duration.ofHours(1);

    private List<int[]> fingerprints;
    private FakeAcoustIdServer fake;
    private ImportParameters params;

    @BeforeEach
    void start() {
        OneAlbum album = OneAlbum.of("2000000", RECORDINGS, 500);
        fingerprints = album.fingerprints();
        fake = new FakeAcoustIdServer(album.catalog(), Set.of(KEY));
        params = OneAlbum.atRealRate(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String rec(int i) {
        return String.format("c2000000-0000-4000-8000-%012d", i);
    }

    private AcoustIdClient client(LiveWorkers live, String key) {
        return client(live, key, NEVER);
    }

    private AcoustIdClient client(LiveWorkers live, String key, Duration maxWait) {
        return new AcoustIdClient(
                ServiceEndpoints.acoustId(params, HttpSetup.sharedClient(params)),
                new InMemoryResponseCache(),
                key,
                live,
                maxWait);
    }

    /** A file: the recordings its passages are (their fingerprints, a little noisy, are what it asks). */
    private record File(List<Integer> recordings) {
        List<FingerprintQuery> queries(List<int[]> fingerprints) {
            List<FingerprintQuery> qs = new ArrayList<>();
            for (int r : recordings) {
                int[] noisy = fingerprints.get(r).clone();
                noisy[7] ^= 0x0f0;
                qs.add(new FingerprintQuery(ChromaprintCodec.encode(noisy, 1), 200));
            }
            return qs;
        }
    }

    /** 40 files of 1 to 4 passages, each passage another recording, in a shuffled order. */
    private List<File> files() {
        Random random = new Random(7);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < RECORDINGS; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        List<File> files = new ArrayList<>();
        int next = 0;
        while (next < order.size() && files.size() < 40) {
            int n = Math.min(order.size() - next, 1 + random.nextInt(files.size() % 3 == 0 ? 4 : 1));
            files.add(new File(List.copyOf(order.subList(next, next + n))));
            next += n;
        }
        return files;
    }

    /** Runs {@code files} through {@code workers} threads as the engine's workers would; the answers by file. */
    private Map<File, List<List<AcoustIdMatch>>> run(
            AcoustIdClient client, LiveWorkers live, int workers, List<File> files) throws Exception {
        Queue<File> todo = new ConcurrentLinkedQueue<>(files);
        Map<File, List<List<AcoustIdMatch>>> answers = new ConcurrentHashMap<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Random analysis = new Random(w);
            Thread t = new Thread(() -> {
                try {
                    File f;
                    while ((f = todo.poll()) != null) {
                        // "analysing" the file: other workers' lookups interleave with this one's
                        Thread.sleep(analysis.nextInt(20));
                        answers.put(f, client.lookup(f.queries(fingerprints)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    live.finished();
                }
            });
            live.started(t);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(t.isAlive()).as("a worker still waits after 2 minutes").isFalse();
        }
        assertThat(failures).isEmpty();
        return answers;
    }

    @Test
    void everyAnswerReachesThePassageThatAskedAndRequestsCarryUpToTwentyFingerprints() throws Exception {
        LiveWorkers live = new LiveWorkers();
        List<File> files = files();
        int asked = files.stream().mapToInt(f -> f.recordings().size()).sum();

        Map<File, List<List<AcoustIdMatch>>> answers = run(client(live, KEY), live, 24, files);

        assertThat(answers).hasSize(files.size());
        for (File f : files) {
            List<List<AcoustIdMatch>> a = answers.get(f);
            assertThat(a).hasSize(f.recordings().size());
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)).as("passage %d of file %s", i, f).isNotEmpty();
                assertThat(a.get(i).get(0).recordingMbid())
                        .as("passage %d of file %s", i, f)
                        .isEqualTo(rec(f.recordings().get(i)));
            }
        }
        assertThat(fake.fingerprints()).isEqualTo(asked);
        // one request a file would be 40; a batch is sent before it is full only when every live worker waits for
        // fingerprints still queued, which with 24 workers and at least one fingerprint a file happens once: the last
        assertThat(fake.requests("lookup"))
                .as("requests for %d fingerprints of %d files", asked, files.size())
                .isEqualTo((asked + 19) / 20);
        assertThat(fake.rateLimitViolations()).isZero();
        System.out.printf(
                "%d fingerprints of %d files: %d AcoustID requests%n", asked, files.size(), fake.requests("lookup"));
    }

    @Test
    void theLastPartialBatchGoesWhenTheLastWorkerFinishesWithoutWaitingForTheTimer() throws Exception {
        LiveWorkers live = new LiveWorkers();
        AcoustIdClient client = client(live, KEY);
        List<File> three = List.of(new File(List.of(1)), new File(List.of(2, 3)), new File(List.of(4)));

        Map<File, List<List<AcoustIdMatch>>> answers = run(client, live, 3, three);

        assertThat(answers.get(three.get(1)))
                .extracting(m -> m.get(0).recordingMbid())
                .containsExactly(rec(2), rec(3));
        assertThat(fake.requests("lookup")).isEqualTo(1);
        assertThat(fake.fingerprints()).isEqualTo(4);
    }

    @Test
    void whileAnotherWorkerStaysBusyTheQueuedFingerprintsGoWhenNoneCameForTheLongestWait() throws Exception {
        LiveWorkers live = new LiveWorkers();
        live.started(new Thread(() -> {})); // a worker analysing a file that takes longer than the wait
        AcoustIdClient client = client(live, KEY, Duration.ofMillis(200));

        List<Future<List<List<AcoustIdMatch>>>> asked =
                lookupsAsWorkers(live, client, List.of(new File(List.of(5, 6)).queries(fingerprints)));

        assertThat(asked.get(0).get(60, TimeUnit.SECONDS))
                .extracting(m -> m.get(0).recordingMbid())
                .containsExactly(rec(5), rec(6));
        assertThat(fake.requests("lookup")).isEqualTo(1);
    }

    @Test
    void aBatchRefusedForItsKeyFailsEveryCallerInItWithTheRefusal() throws Exception {
        LiveWorkers live = new LiveWorkers();
        AcoustIdClient wrong = client(live, "notAKey9");
        List<Future<List<List<AcoustIdMatch>>>> asked = lookupsAsWorkers(
                live,
                wrong,
                List.of(
                        new File(List.of(1)).queries(fingerprints),
                        new File(List.of(2)).queries(fingerprints),
                        new File(List.of(3)).queries(fingerprints)));

        for (Future<List<List<AcoustIdMatch>>> f : asked) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.get(60, TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(InvalidApiKeyException.class);
        }
        assertThat(fake.requests("lookup")).isEqualTo(1);
    }

    @Test
    void aFingerprintTheServiceCannotReadCostsOnlyItsOwnFileItsAnswers() throws Exception {
        LiveWorkers live = new LiveWorkers();
        AcoustIdClient client = client(live, KEY);
        List<FingerprintQuery> spoiled = new ArrayList<>(new File(List.of(3)).queries(fingerprints));
        spoiled.add(0, new FingerprintQuery("!!not a fingerprint!!", 200));

        List<Future<List<List<AcoustIdMatch>>>> asked =
                lookupsAsWorkers(live, client, List.of(new File(List.of(1, 2)).queries(fingerprints), spoiled));

        assertThat(asked.get(0).get(60, TimeUnit.SECONDS))
                .extracting(m -> m.get(0).recordingMbid())
                .containsExactly(rec(1), rec(2));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> asked.get(1).get(60, TimeUnit.SECONDS)))
                .hasMessageContaining("could not read the fingerprint of passage 1");
        assertThat(fake.requests("lookup")).isEqualTo(1);
        assertThat(fake.fingerprints()).isEqualTo(4);
    }

    /** Each list of queries asked by a worker of its own, all live before any asks; their answers. */
    private static List<Future<List<List<AcoustIdMatch>>>> lookupsAsWorkers(
            LiveWorkers live, AcoustIdClient client, List<List<FingerprintQuery>> perWorker) {
        List<Future<List<List<AcoustIdMatch>>>> out = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<FingerprintQuery> qs : perWorker) {
            java.util.concurrent.FutureTask<List<List<AcoustIdMatch>>> task =
                    new java.util.concurrent.FutureTask<>(() -> {
                        try {
                            return client.lookup(qs);
                        } finally {
                            live.finished();
                        }
                    });
            Thread t = new Thread(task);
            live.started(t);
            threads.add(t);
            out.add(task);
        }
        threads.forEach(Thread::start);
        return out;
    }
}
