package io.wkmp.ingest.adapters.bench.realmusic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.testkit.fakes.FakeCatalog;
import io.wkmp.ingest.testkit.fakes.FakeCatalogJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores an import of the real-music library (docs/benchmarks.md "Identification on real music"): reads the
 * passages wkmp-ai wrote to {@code wkmp.db} and compares them with the manifest, then adds the fake services'
 * request counters ({@code FakeServicesMain}'s report). Run by {@code bench/identify.sh}:
 *
 * <pre>java ... IdentifyEvaluation MANIFEST DB REQUESTS_JSON</pre>
 *
 * <p>Each expected passage is matched to the written passage that overlaps it most; that passage's decision
 * and recording score it. Boundaries: an expected passage is <b>split</b> when two or more written passages lie
 * mostly (&ge; half their length) inside it; a written passage <b>merges</b> when it covers at least half of two
 * or more expected passages; a written passage inside no expected passage is <b>extra</b>.
 */
public final class IdentifyEvaluation {
    private static final long TICKS_PER_SECOND = 28_224_000L;

    /** A passage as written to the database. */
    record Written(double start, double end, String decision, String recording, Double confidence) {
        double length() {
            return end - start;
        }
    }

    /** The score of one expected passage. */
    record Scored(Manifest.FileEntry file, Manifest.Passage expected, Written main, String outcome, String boundary) {}

    private IdentifyEvaluation() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: IdentifyEvaluation MANIFEST DB REQUESTS_JSON");
            System.exit(2);
        }
        Path manifestFile = Path.of(args[0]);
        Manifest manifest = Manifest.read(manifestFile);
        FakeCatalog catalog = FakeCatalogJson.read(manifestFile.resolveSibling(manifest.catalogue()));
        Map<String, List<Written>> written = readDatabase(Path.of(args[1]));
        JsonNode requests = new ObjectMapper().readTree(Path.of(args[2]).toFile());
        System.out.print(report(manifest, catalog, written, requests));
    }

    /** The written passages per file path (as stored: relative to the root), in start order. */
    static Map<String, List<Written>> readDatabase(Path db) throws Exception {
        Map<String, List<Written>> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT f.path, p.start_time_ticks, p.end_time_ticks,"
                        + " p.identification_decision, p.recording_mbid, p.identification_confidence"
                        + " FROM passages p JOIN files f ON p.file_id = f.guid ORDER BY f.path, p.start_time_ticks")) {
            while (rs.next()) {
                double conf = rs.getDouble(6);
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Written(
                                rs.getLong(2) / (double) TICKS_PER_SECOND,
                                rs.getLong(3) / (double) TICKS_PER_SECOND,
                                rs.getString(4) == null ? "PENDING" : rs.getString(4),
                                rs.getString(5),
                                rs.wasNull() ? null : conf));
            }
        }
        return out;
    }

    static String report(
            Manifest manifest, FakeCatalog catalog, Map<String, List<Written>> written, JsonNode requests) {
        List<Scored> scored = new ArrayList<>();
        int extra = 0;
        int filesWithout = 0;
        for (Manifest.FileEntry f : manifest.files()) {
            List<Written> ws = writtenFor(written, f.path());
            if (ws.isEmpty()) {
                filesWithout++;
            }
            for (Manifest.Passage e : f.passages()) {
                scored.add(score(f, e, ws));
            }
            for (Written w : ws) {
                if (f.passages().stream().noneMatch(e -> overlap(e, w) >= w.length() / 2)) {
                    extra++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Tally> perCase = new TreeMap<>();
        Tally total = new Tally();
        for (Scored s : scored) {
            total.add(s);
            perCase.computeIfAbsent(s.file().label(), k -> new Tally()).add(s);
        }
        long albums = manifest.files().stream()
                .map(Manifest.FileEntry::release)
                .filter(r -> r != null)
                .distinct()
                .count();

        sb.append("## Identification\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "identifiable passages: %d (in %d files; %d files have no passage written)%n",
                total.identifiable,
                manifest.files().size(),
                filesWithout));
        sb.append(String.format(
                Locale.ROOT,
                "  ACCEPTed, right recording: %d (%s)%n",
                total.right,
                pct(total.right, total.identifiable)));
        sb.append(String.format(Locale.ROOT, "  ACCEPTed, WRONG recording: %d%n", total.wrong));
        sb.append(
                String.format(Locale.ROOT, "  REVIEW: %d (right recording in %d)%n", total.review, total.reviewRight));
        sb.append(String.format(Locale.ROOT, "  REJECT: %d%n", total.reject));
        sb.append(String.format(Locale.ROOT, "  PENDING: %d%n", total.pending));
        sb.append(String.format(Locale.ROOT, "  no passage written: %d%n", total.missing));
        sb.append(String.format(
                Locale.ROOT,
                "unidentifiable passages: %d, wrongly ACCEPTed: %d, REVIEW: %d%n",
                total.unidentifiable,
                total.unidentifiableAccepted,
                total.unidentifiableReview));
        sb.append(String.format(
                Locale.ROOT,
                "boundaries: %d expected passages split, %d merged with a neighbour, %d extra written passages%n%n",
                total.split,
                total.merged,
                extra));

        sb.append("## Requests\n\n");
        JsonNode a = requests.path("acoustid");
        int lookups = a.path("requests").path("lookup").asInt();
        int fps = a.path("fingerprints").asInt();
        sb.append(String.format(
                Locale.ROOT,
                "AcoustID: %d lookups carrying %d fingerprints (%.1f a lookup; target <= fingerprints/20 + 1 = %d)%n",
                lookups,
                fps,
                lookups == 0 ? 0.0 : (double) fps / lookups,
                fps / 20 + 1));
        sb.append(String.format(
                Locale.ROOT,
                "MusicBrainz: %d requests %s (%.1f per album, %d albums in the library)%n",
                requests.path("musicbrainz").path("total").asInt(),
                requests.path("musicbrainz").path("requests"),
                albums == 0 ? 0.0 : requests.path("musicbrainz").path("total").asDouble() / albums,
                albums));
        sb.append(String.format(
                Locale.ROOT,
                "AcousticBrainz: %d requests %s%n",
                requests.path("acousticbrainz").path("total").asInt(),
                requests.path("acousticbrainz").path("requests")));
        sb.append(String.format(
                Locale.ROOT,
                "Cover Art Archive: %d requests %s%n",
                requests.path("coverart").path("total").asInt(),
                requests.path("coverart").path("requests")));
        sb.append("rate violations:");
        for (String svc : List.of("acoustid", "musicbrainz", "acousticbrainz", "coverart")) {
            sb.append(' ')
                    .append(svc)
                    .append(' ')
                    .append(requests.path(svc).path("rate_violations").asInt());
        }
        sb.append("\n\n## Per case\n\n");
        sb.append("| case | files | identifiable | right | right % | wrong | review | reject | pending | no passage"
                + " | unidentifiable | wrongly accepted | split | merged |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        perCase.forEach((label, t) -> row(sb, label, t, (int)
                manifest.files().stream().filter(f -> f.label().equals(label)).count()));
        row(sb, "**total**", total, manifest.files().size());

        sb.append("\n## Passages not ACCEPTed with the right recording, and boundary errors\n\n");
        for (Scored s : scored) {
            boolean miss = s.expected().identifiable()
                    ? !s.outcome().equals("right")
                    : s.outcome().equals("accepted");
            if (!miss && s.boundary().equals("ok")) {
                continue;
            }
            Written w = s.main();
            sb.append(String.format(
                    Locale.ROOT,
                    "- [%s] %s @ %.1f-%.1f s: expected %s; got %s%s (boundary: %s)%n",
                    s.file().label(),
                    s.file().path(),
                    s.expected().startS(),
                    s.expected().endS(),
                    s.expected().identifiable() ? "\"" + s.expected().title() + "\"" : "unidentifiable",
                    w == null
                            ? "no passage"
                            : String.format(
                                    Locale.ROOT,
                                    "%s%s at %.1f-%.1f s",
                                    w.decision(),
                                    w.confidence() == null ? "" : String.format(Locale.ROOT, " %.2f", w.confidence()),
                                    w.start(),
                                    w.end()),
                    w == null || w.recording() == null
                            ? ""
                            : " as \""
                                    + catalog.recording(w.recording())
                                            .map(FakeCatalog.Recording::title)
                                            .orElse(w.recording())
                                    + "\"",
                    s.boundary()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, Tally t, int files) {
        sb.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
                label,
                files,
                t.identifiable,
                t.right,
                pct(t.right, t.identifiable),
                t.wrong,
                t.review,
                t.reject,
                t.pending,
                t.missing,
                t.unidentifiable,
                t.unidentifiableAccepted,
                t.split,
                t.merged));
    }

    private static String pct(int n, int of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }

    /** The written passages of a manifest path (stored relative to the root, the library one folder down). */
    private static List<Written> writtenFor(Map<String, List<Written>> written, String path) {
        List<Written> exact = written.get(path);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<Written>> e : written.entrySet()) {
            if (e.getKey().endsWith("/" + path)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    private static Scored score(Manifest.FileEntry f, Manifest.Passage e, List<Written> ws) {
        Written main = null;
        double best = 0;
        int pieces = 0;
        for (Written w : ws) {
            double o = overlap(e, w);
            if (o > best) {
                best = o;
                main = w;
            }
            if (o > 0 && o >= w.length() / 2) {
                pieces++;
            }
        }
        String boundary = "ok";
        if (main == null) {
            boundary = "no passage";
        } else if (pieces >= 2) {
            boundary = "split in " + pieces;
        } else {
            Written m = main;
            long covered = f.passages().stream()
                    .filter(x -> overlap(x, m) >= (x.endS() - x.startS()) / 2)
                    .count();
            if (covered >= 2) {
                boundary = "merged with " + (covered - 1) + " other(s)";
            }
        }
        String outcome;
        if (main == null) {
            outcome = "missing";
        } else if (!e.identifiable()) {
            outcome = main.decision().equals("ACCEPT")
                    ? "accepted"
                    : main.decision().equals("REVIEW") ? "review" : "not accepted";
        } else {
            outcome = switch (main.decision()) {
                case "ACCEPT" -> e.expect().equals(main.recording()) ? "right" : "wrong";
                case "REVIEW" -> e.expect().equals(main.recording()) ? "review-right" : "review";
                case "REJECT" -> "reject";
                default -> "pending";
            };
        }
        return new Scored(f, e, main, outcome, boundary);
    }

    private static double overlap(Manifest.Passage e, Written w) {
        return Math.max(0, Math.min(e.endS(), w.end()) - Math.max(e.startS(), w.start()));
    }

    /** Counts of outcomes. */
    private static final class Tally {
        int identifiable, right, wrong, review, reviewRight, reject, pending, missing;
        int unidentifiable, unidentifiableAccepted, unidentifiableReview, split, merged;

        void add(Scored s) {
            if (s.expected().identifiable()) {
                identifiable++;
                switch (s.outcome()) {
                    case "right" -> right++;
                    case "wrong" -> wrong++;
                    case "review" -> review++;
                    case "review-right" -> {
                        review++;
                        reviewRight++;
                    }
                    case "reject" -> reject++;
                    case "pending" -> pending++;
                    default -> missing++;
                }
            } else {
                unidentifiable++;
                if (s.outcome().equals("accepted")) {
                    unidentifiableAccepted++;
                } else if (s.outcome().equals("review")) {
                    unidentifiableReview++;
                }
            }
            if (s.boundary().startsWith("split")) {
                split++;
            } else if (s.boundary().startsWith("merged")) {
                merged++;
            }
        }
    }
}
