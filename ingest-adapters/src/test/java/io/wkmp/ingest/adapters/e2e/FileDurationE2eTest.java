package io.wkmp.ingest.adapters.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.wiring.WkmpIngest;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.audio.AudioEncoder;
import io.wkmp.ingest.testkit.audio.AudioSynth;
import io.wkmp.ingest.testkit.audio.EncodedFormat;
import io.wkmp.ingest.testkit.audio.SynthAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code files.duration_ticks} is the decoded sample count in ticks, exactly (never ffprobe's rounded seconds), and
 * no passage ends after it: WAV and FLAC at 44.1, 48, 88.2 and 96 kHz, and MP3 and Ogg Vorbis, whose decoded length
 * after gapless trimming is the synthesized one (ffprobe states 29 ms more for the MP3). The waveform cells stored
 * for the segment editor cover exactly that decoded length.
 */
class FileDurationE2eTest {
    @TempDir
    Path root;

    @TempDir
    Path scratch;

    @Test
    void durationTicksIsTheDecodedSampleCountInTicks() throws Exception {
        Path folder = Files.createDirectories(root.resolve("durations"));
        Map<String, Long> expected = new LinkedHashMap<>();
        int seed = 1;
        for (int rate : new int[] {44_100, 48_000, 88_200, 96_000}) {
            // a length whose seconds have more than six decimals at 44.1 and 88.2 kHz, as ffprobe prints them
            SynthAudio audio = AudioSynth.builder(rate, 2).music(3_001, seed++).build();
            long ticks = audio.totalFrames() * (Ticks.PER_SECOND / rate);
            Path wav = audio.writeWav(folder.resolve("tone_" + rate + ".wav"));
            expected.put("durations/" + wav.getFileName(), ticks);
            AudioEncoder.encode(wav, folder.resolve("tone_" + rate + ".flac"), EncodedFormat.FLAC, Map.of());
            expected.put("durations/tone_" + rate + ".flac", ticks);
        }
        SynthAudio lossy = AudioSynth.builder(44_100, 2).music(3_001, seed).build();
        Path source = lossy.writeWav(scratch.resolve("lossy.wav"));
        for (EncodedFormat format : List.of(EncodedFormat.MP3, EncodedFormat.OGG)) {
            Path out = AudioEncoder.encode(source, folder.resolve("lossy." + format.extension()), format, Map.of());
            expected.put("durations/" + out.getFileName(), lossy.totalFrames() * (Ticks.PER_SECOND / 44_100));
        }

        try (WkmpIngest ingest = Fakes.offline(root).build()) {
            SessionStatus done = ingest.start(folder).await(Duration.ofMinutes(3));
            assertThat(done.state()).as(done.toString()).isEqualTo(SessionState.COMPLETED);
            assertThat(done.filesImported()).isEqualTo(expected.size());
        }
        try (LibraryDb db = new LibraryDb(root)) {
            Map<String, Long> stored = new LinkedHashMap<>();
            for (Map<String, Object> row : db.rows("SELECT path, duration_ticks FROM files ORDER BY path")) {
                stored.put((String) row.get("path"), ((Number) row.get("duration_ticks")).longValue());
            }
            assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected);
            Map<String, Long> cells = new LinkedHashMap<>();
            for (Map<String, Object> row : db.rows("SELECT f.path, w.frames, w.sample_rate, length(w.cells) AS bytes"
                    + " FROM files f JOIN file_waveforms w ON w.file_id = f.guid")) {
                long frames = ((Number) row.get("frames")).longValue();
                int rate = ((Number) row.get("sample_rate")).intValue();
                cells.put((String) row.get("path"), frames * (Ticks.PER_SECOND / rate));
                assertThat(((Number) row.get("bytes")).longValue())
                        .as("waveform cells of %s: 100 a second, 6 bytes each", row.get("path"))
                        .isEqualTo(6 * ((frames + rate / 100 - 1) / (rate / 100)));
            }
            assertThat(cells)
                    .as("the import stores each file's waveform cells, from its one decode")
                    .containsExactlyInAnyOrderEntriesOf(expected);
            for (Map<String, Object> p : db.passages()) {
                assertThat(((Number) p.get("end_time_ticks")).longValue())
                        .as("end of a passage of %s", p.get("path"))
                        .isLessThanOrEqualTo(expected.get((String) p.get("path")));
            }
            assertThat(db.passages()).hasSizeGreaterThanOrEqualTo(expected.size());
        }
    }
}
