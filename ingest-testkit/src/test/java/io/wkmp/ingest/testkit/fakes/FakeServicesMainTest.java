package io.wkmp.ingest.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeServicesMainTest {
    private static final String ART = "a1000000-0000-4000-8000-000000000001";
    private static final String VA = "89ad4ac3-39f7-470e-963a-56509c546377";
    private static final String WORK = "f1000000-0000-4000-8000-000000000001";
    private static final String REC = "c1000000-0000-4000-8000-000000000001";
    private static final String REC_NO_FP = "c1000000-0000-4000-8000-000000000002";
    private static final String REL = "b1000000-0000-4000-8000-000000000001";
    private static final String COMP = "b1000000-0000-4000-8000-000000000002";
    private static final int[] FP = new Random(11).ints(300).toArray();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** A tiny catalogue as the JSON a library builder writes. */
    private static String catalogueJson() {
        return """
                {"artists": [{"id": "%s", "name": "Mattias Westlund"}, {"id": "%s", "name": "Various Artists"}],
                 "works": [{"id": "%s", "title": "Silvan Sanctuary"}],
                 "recordings": [
                   {"id": "%s", "title": "Silvan Sanctuary", "length_ms": 37000, "artist": "%s", "work": "%s",
                    "fingerprint": "%s", "high_level": {"mood_happy": {"happy": 0.25, "not_happy": 0.75}}},
                   {"id": "%s", "title": "Hidden", "length_ms": 20000, "artist": "%s", "work": null,
                    "fingerprint": null}],
                 "releases": [
                   {"id": "%s", "title": "The Battle for Wesnoth OST", "date": "2010", "artist": "%s",
                    "media": [["%s"], ["%s"]]},
                   {"id": "%s", "title": "Sampler", "date": "2012", "artist": "%s", "media": [["%s"]]}]}
                """.formatted(
                        ART,
                        VA,
                        WORK,
                        REC,
                        ART,
                        WORK,
                        ChromaprintCodec.encode(FP, 1),
                        REC_NO_FP,
                        ART,
                        REL,
                        ART,
                        REC,
                        REC_NO_FP,
                        COMP,
                        VA,
                        REC);
    }

    @Test
    void readsTheCatalogueJsonAndWritesItBackTheSame() throws Exception {
        FakeCatalog c = FakeCatalogJson.parse(catalogueJson());

        FakeCatalog.Recording r = c.recording(REC).orElseThrow();
        assertThat(r.fingerprint()).containsExactly(FP);
        assertThat(r.lengthMs()).isEqualTo(37_000);
        assertThat(r.works()).extracting(FakeCatalog.Work::title).containsExactly("Silvan Sanctuary");
        assertThat(r.highLevel()).isEqualTo(Map.of("mood_happy", Map.of("happy", 0.25, "not_happy", 0.75)));
        assertThat(c.recording(REC_NO_FP).orElseThrow().fingerprint()).isEmpty();
        FakeCatalog.Release rel = c.release(REL).orElseThrow();
        assertThat(rel.media()).hasSize(2);
        assertThat(rel.media().get(1).recordings())
                .extracting(FakeCatalog.Recording::id)
                .containsExactly(REC_NO_FP);
        assertThat(c.releasesOf(REC)).extracting(FakeCatalog.Release::id).containsExactly(REL, COMP);
        assertThat(c.release(COMP).orElseThrow().artist().name()).isEqualTo("Various Artists");

        Path file = dir.resolve("catalogue.json");
        FakeCatalogJson.write(c, file);
        FakeCatalog again = FakeCatalogJson.read(file);
        assertThat(again.recording(REC).orElseThrow().fingerprint()).containsExactly(FP);
        assertThat(again.releases()).extracting(FakeCatalog.Release::id).containsExactly(REL, COMP);
        assertThat(FakeCatalogJson.toJson(again)).isEqualTo(FakeCatalogJson.toJson(c));
    }

    @Test
    void anUnknownReferenceIsNamed() {
        String broken = catalogueJson().replace("\"media\": [[\"" + REC + "\"]]", "\"media\": [[\"nope\"]]");
        assertThatThrownBy(() -> FakeCatalogJson.parse(broken)).hasMessageContaining("unknown recording nope");
    }

    @Test
    void servesTheCatalogueFileAndReportsTheCounters() throws Exception {
        Path catalogue = Files.writeString(dir.resolve("catalogue.json"), catalogueJson());
        Path urls = dir.resolve("urls");
        Path report = dir.resolve("report.json");
        try (FakeServices services = FakeServicesMain.start(FakeServicesMain.parse(
                new String[] {"--catalogue", catalogue.toString(), "--urls-out", urls.toString(), "--acoustid-key", "k1"
                }))) {
            Properties p = properties(urls);
            assertThat(p.getProperty("acoustid_key")).isEqualTo("k1");
            assertThat(lookup(p, "k1").body()).contains(REC, REL, COMP, "Silvan Sanctuary");
            HttpResponse<String> mb =
                    get(p.getProperty("musicbrainz") + "/release/" + REL + "?fmt=json&inc=recordings");
            assertThat(mb.body()).contains("The Battle for Wesnoth OST", REC_NO_FP);

            FakeServicesMain.writeReport(services, report);
        }
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.path("acoustid").path("requests").path("lookup").asInt()).isEqualTo(1);
        assertThat(r.path("acoustid").path("fingerprints").asInt()).isEqualTo(2);
        assertThat(r.path("acoustid").path("rate_violations").asInt()).isZero();
        assertThat(r.path("musicbrainz").path("requests").path("release").asInt())
                .isEqualTo(1);
        assertThat(r.path("acousticbrainz").path("total").asInt()).isZero();
        assertThat(r.path("coverart").path("base_url").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void aSeparateProcessWritesItsReportOnSigterm() throws Exception {
        Path catalogue = Files.writeString(dir.resolve("catalogue.json"), catalogueJson());
        Path urls = dir.resolve("urls");
        Path report = dir.resolve("report.json");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FakeServicesMain.class.getName(),
                        "--catalogue",
                        catalogue.toString(),
                        "--urls-out",
                        urls.toString(),
                        "--report-out",
                        report.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile())
                .start();
        try {
            // generous: a JVM start on a loaded 2-core machine; the wait ends as soon as the file appears
            for (int i = 0; i < 1200 && !Files.exists(urls) && p.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(urls).as(Files.readString(dir.resolve("out.log"))).exists();
            Properties props = properties(urls);
            assertThat(lookup(props, FakeServicesMain.DEFAULT_KEY).statusCode()).isEqualTo(200);
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.path("acoustid").path("requests").path("lookup").asInt()).isEqualTo(1);
        assertThat(r.path("acoustid").path("fingerprints").asInt()).isEqualTo(2);
    }

    private HttpResponse<String> lookup(Properties urls, String key) throws Exception {
        int[] noisy = FP.clone();
        for (int i = 0; i < noisy.length; i += 4) {
            noisy[i] ^= 0b1001;
        }
        String form = "client=" + key + "&meta=recordings+releasegroups+releases&batch=1&duration.0=37&fingerprint.0="
                + ChromaprintCodec.encode(noisy, 1) + "&duration.1=20&fingerprint.1="
                + ChromaprintCodec.encode(new Random(12).ints(200).toArray(), 1);
        return http.send(
                HttpRequest.newBuilder(URI.create(urls.getProperty("acoustid") + "/lookup"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("User-Agent", "T/1 ( t@example.org )")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Properties properties(Path file) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        assertThat(List.copyOf(p.stringPropertyNames()))
                .contains("acoustid", "musicbrainz", "acousticbrainz", "coverart", "acoustid_key");
        return p;
    }
}
