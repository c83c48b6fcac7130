package io.wkmp.ingest.adapters.flavor;

import static io.wkmp.ingest.adapters.http.TestServices.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.adapters.acousticbrainz.AcousticBrainzClient;
import io.wkmp.ingest.adapters.http.HttpSetup;
import io.wkmp.ingest.adapters.http.ServiceEndpoints;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.time.Ticks;
import io.wkmp.ingest.testkit.fakes.InMemoryResponseCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlavorSourcesTest {
    private static final String ESSENTIA_JSON = """
            {"lowlevel": {"average_loudness": 0.91, "dynamic_complexity": 3.2,
                          "spectral_centroid": {"mean": 1234.5, "var": 100.0}},
             "rhythm": {"bpm": 121.3, "onset_rate": 2.1, "danceability": 1.2, "beats_count": 40},
             "tonal": {"key_key": "A", "key_scale": "minor", "key_strength": 0.71},
             "highlevel": {"mood_happy": {"all": {"happy": 0.3, "not_happy": 0.7}, "probability": 0.7, "value": "not_happy"}},
             "metadata": {"version": {"essentia": "2.1-beta5", "extractor": "music 2.0"}}}
            """;
    private static Path clicks;
    private static Path sine;
    private static Path noise;
    private static Path steps;
    private static Path gaussian;

    @BeforeAll
    static void synthesize(@TempDir Path dir) throws Exception {
        clicks = dir.resolve("clicks.wav");
        sox(
                "-n",
                "-r",
                "22050",
                "-c",
                "1",
                "-b",
                "16",
                clicks.toString(),
                "synth",
                "0.04",
                "whitenoise",
                "fade",
                "0",
                "0.04",
                "0.035",
                "pad",
                "0",
                "0.46",
                "repeat",
                "39");
        sine = dir.resolve("sine.wav");
        sox("-n", "-r", "22050", "-c", "1", "-b", "16", sine.toString(), "synth", "10", "sine", "1000", "vol", "0.5");
        noise = dir.resolve("noise.wav");
        sox("-n", "-r", "22050", "-c", "1", "-b", "16", noise.toString(), "synth", "10", "whitenoise", "vol", "0.5");
        Path quiet = dir.resolve("quiet.wav");
        sox("-n", "-r", "22050", "-c", "1", "-b", "16", quiet.toString(), "synth", "5", "sine", "1000", "vol", "0.05");
        gaussian = io.wkmp.ingest.testkit.audio.AudioSynth.builder(22_050, 1)
                .noise(10_000, -12, 7)
                .build()
                .writeWav(dir.resolve("gaussian.wav"));
        steps = dir.resolve("steps.wav");
        sox(sine.toString(), quiet.toString(), steps.toString());
    }

    private static void sox(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("sox"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static Optional<Flavor> local(Path f, double seconds) {
        return new LocalFlavorAnalyzer().flavorOf(null, f, 0, Ticks.fromSeconds(seconds));
    }

    @Test
    void localAnalysisFindsTempoOnsetsSpectrumAndLevel() {
        Flavor c = local(clicks, 20).orElseThrow();
        assertThat(c.source()).isEqualTo("local");
        assertThat(c.values().get("bpm")).isCloseTo(120, org.assertj.core.data.Offset.offset(4.0));
        assertThat(c.values().get("onset_rate")).isBetween(1.6, 2.4);

        Flavor s = local(sine, 10).orElseThrow();
        Flavor n = local(noise, 10).orElseThrow();
        assertThat(s.values().get("spectral_centroid_hz")).isCloseTo(1000, org.assertj.core.data.Offset.offset(60.0));
        assertThat(s.values().get("loudness_dbfs")).isCloseTo(-9.03, org.assertj.core.data.Offset.offset(0.3));
        assertThat(n.values().get("spectral_flatness"))
                .isGreaterThan(10 * s.values().get("spectral_flatness"));
        // Gaussian white noise: each bin's power is exponentially distributed, whose geometric over arithmetic
        // mean is e^-γ = 0.5615 (γ Euler's constant); sox's whitenoise is not flat enough for this (about 0.41)
        assertThat(local(gaussian, 10).orElseThrow().values().get("spectral_flatness"))
                .isCloseTo(Math.exp(-0.5772156649), org.assertj.core.data.Offset.offset(0.02));
        assertThat(n.values().get("spectral_centroid_hz")).isGreaterThan(4000);
        assertThat(s.values().get("dynamic_range_db")).isLessThan(0.5);
        assertThat(local(steps, 15).orElseThrow().values().get("dynamic_range_db"))
                .isCloseTo(20, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theSameMusicAt44100And48000HzHasTheFlavourOf22050Hz(@TempDir Path dir) throws Exception {
        for (Path source : List.of(clicks, noise, steps)) {
            Flavor at22 = local(source, 15).orElseThrow();
            for (String rate : List.of("44100", "48000")) {
                Path up = dir.resolve(rate + "-" + source.getFileName());
                sox(source.toString(), "-r", rate, "-c", "2", up.toString());
                Flavor f = local(up, 15).orElseThrow();
                String what = source.getFileName() + " at " + rate + " Hz";
                if (source == clicks) { // noise and tones have no tempo to agree on
                    assertThat(f.values().get("bpm"))
                            .as(what)
                            .isCloseTo(at22.values().get("bpm"), org.assertj.core.data.Offset.offset(6.0));
                }
                assertThat(f.values().get("loudness_dbfs"))
                        .as(what)
                        .isCloseTo(at22.values().get("loudness_dbfs"), org.assertj.core.data.Offset.offset(0.3));
                assertThat(f.values().get("spectral_centroid_hz"))
                        .as(what)
                        .isCloseTo(
                                at22.values().get("spectral_centroid_hz"),
                                org.assertj.core.data.Percentage.withPercentage(5));
                assertThat(f.values().get("dynamic_range_db"))
                        .as(what)
                        .isCloseTo(at22.values().get("dynamic_range_db"), org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    @Test
    void localAnalysisOfAMissingFileIsEmptyNotACrash(@TempDir Path dir) {
        assertThat(local(dir.resolve("none.flac"), 5)).isEmpty();
    }

    @Test
    void essentiaOnPathIsRunAndItsJsonRead(@TempDir Path dir) throws IOException {
        assertThat(EssentiaFlavorSource.onPath(dir.toString())).isEmpty();
        Path script = dir.resolve(EssentiaFlavorSource.EXECUTABLE);
        Files.writeString(
                script, "#!/bin/sh\n[ -s \"$1\" ] || exit 2\ncat > \"$2\" <<'JSON'\n" + ESSENTIA_JSON + "JSON\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        Flavor f = EssentiaFlavorSource.onPath("/nonexistent:" + dir)
                .orElseThrow()
                .flavorOf(null, sine, Ticks.fromSeconds(1), Ticks.fromSeconds(4))
                .orElseThrow();

        assertThat(f.source()).isEqualTo("Essentia");
        assertThat(f.values())
                .containsEntry("bpm", 121.3)
                .containsEntry("mood_happy.not_happy", 0.7)
                .containsEntry("spectral_centroid_hz", 1234.5)
                .containsEntry("key_strength", 0.71);
    }

    @Test
    void aFailingExtractorGivesNothingAndTheChainFallsThroughToLocal(@TempDir Path dir) throws IOException {
        Path script = dir.resolve(EssentiaFlavorSource.EXECUTABLE);
        Files.writeString(script, "#!/bin/sh\necho crashed >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        EssentiaFlavorSource essentia = new EssentiaFlavorSource(script);
        assertThat(essentia.flavorOf(null, sine, 0, Ticks.fromSeconds(3))).isEmpty();

        ImportParameters dead =
                params("acousticbrainz_base_url", "http://127.0.0.1:9/api/v1", "acousticbrainz_rate_limit_ms", "0");
        AcousticBrainzClient gone = new AcousticBrainzClient(
                ServiceEndpoints.acousticBrainz(dead, HttpSetup.sharedClient(dead)), new InMemoryResponseCache());
        ChainedFlavorSource chain = new ChainedFlavorSource(List.of(gone, essentia, new LocalFlavorAnalyzer()));

        Flavor f = chain.flavorOf("c9000000-0000-4000-8000-000000000001", sine, 0, Ticks.fromSeconds(10))
                .orElseThrow();
        assertThat(f.source()).isEqualTo("local");
        assertThat(f.values()).containsKeys("bpm", "spectral_centroid_hz");
    }
}
