package io.wkmp.ingest.server;

import static io.wkmp.ingest.server.HttpSupport.reply;
import static io.wkmp.ingest.server.TestDatabase.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.engine.IngestEngine;
import io.wkmp.ingest.core.port.AcoustIdKeys;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.server.HttpSupport.Reply;
import io.wkmp.ingest.testkit.memory.InMemoryLibraryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment editor's waveform route answers from the cells stored at import: no decoder runs for it. */
class StoredWaveformTest {
    private static final String LONG = "album/one hour.flac";
    private static final String OLD = "album/imported_before.flac";

    @TempDir
    Path root;

    private final AtomicInteger decodes = new AtomicInteger();
    private IngestServer server;
    private final OkHttpClient http = new OkHttpClient();

    /** Counts decodes, then decodes with ffmpeg. */
    private final AudioDecoder counting = new AudioDecoder() {
        private final FfmpegAudioDecoder ffmpeg = new FfmpegAudioDecoder();

        @Override
        public AudioFormat probe(Path file) {
            return ffmpeg.probe(file);
        }

        @Override
        public void decode(Path file, PcmConsumer sink) {
            decodes.incrementAndGet();
            ffmpeg.decode(file, sink);
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** 60 minutes at 44.1 kHz stereo: a 1 s tone at half scale every 10 s, silence between. */
    private static WaveformCells oneHour() {
        WaveformCells.Builder b = new WaveformCells.Builder();
        int rate = 44_100;
        b.start(new AudioFormat(rate, 2, 16, "flac", 3600 * S));
        short[] s = new short[2 * rate];
        for (int second = 0; second < 3600; second++) {
            short v = (short) (second % 10 == 0 ? 16384 : 0);
            for (int i = 0; i < rate; i++) {
                short x = (short) (i % 2 == 0 ? v : -v);
                s[2 * i] = x;
                s[2 * i + 1] = x;
            }
            b.accept(new PcmBlock(s, rate, 2, (long) second * rate));
        }
        b.finish();
        return b.result();
    }

    private Reply get(String query) throws Exception {
        return reply(http.newCall(new Request.Builder()
                        .url("http://localhost:" + server.port() + "/segments/waveform?" + query)
                        .build())
                .execute());
    }

    @Test
    void aSixtyMinuteFileIsAnsweredFromStoredCellsWithoutADecode() throws Exception {
        TestDatabase db = new TestDatabase(root.resolve("wkmp.db"));
        Files.createDirectories(root.resolve("album"));
        Files.write(root.resolve(LONG), new byte[] {1}); // not audio: a decode of it would fail
        db.addFile("long", LONG, 3600.0, "One hour", 0, 3600);
        db.queries.storeWaveform(LONG, oneHour());
        TestAudio.write(root.resolve(OLD), 1.0, 2.0);
        db.addFile("old", OLD, 3.0, "Before", 0, 3);
        IngestEngine engine = IngestEngine.builder()
                .rootFolder(root)
                .store(new InMemoryLibraryStore())
                .discovery((folder, found, rejected) -> List.of())
                .pipeline(params -> (task, ctx) -> {
                    throw new AssertionError("no import in this test");
                })
                .processors(1)
                .build();
        server = new IngestServer(
                        new ServerContext(
                                root,
                                engine,
                                new InMemoryLibraryStore(),
                                db.queries,
                                counting,
                                AcoustIdKeys.NONE,
                                "test"),
                        Set.of(),
                        15_000)
                .start("127.0.0.1", 0);

        Reply whole = get("path=" + LONG + "&buckets=1000");
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(whole.body().path("buckets").asInt()).isEqualTo(1000);
        assertThat(whole.body().path("end_ticks").asLong()).isEqualTo(3600 * S);
        assertThat(whole.body().path("max").get(0).asDouble()).isCloseTo(0.5, within(0.001));
        Reply minute = get("path=" + LONG + "&buckets=600&start_ticks=" + 1800 * S + "&end_ticks=" + 1860 * S);
        assertThat(minute.body().path("buckets").asInt()).isEqualTo(600);
        assertThat(minute.body().path("max").get(5).asDouble()).isCloseTo(0.5, within(0.001)); // 1800.5 s: tone
        assertThat(minute.body().path("max").get(50).asDouble()).isZero(); // 1805 s: silence
        assertThat(decodes.get()).as("decodes for the stored file").isZero();

        Reply first = get("path=" + OLD + "&buckets=30");
        Reply second = get("path=" + OLD + "&buckets=30");
        assertThat(second.body().path("max")).isEqualTo(first.body().path("max"));
        assertThat(decodes.get())
                .as("a file imported before cells were stored: decoded once, then stored")
                .isEqualTo(1);
        assertThat(db.queries.waveform(OLD)).isPresent();
    }
}
