package io.wkmp.ingest.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.session.ImportEvent;
import io.wkmp.ingest.core.session.SessionState;
import io.wkmp.ingest.core.session.SessionStatus;
import io.wkmp.ingest.core.session.WorkerActivity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session view and the event data serialize to the JSON docs/api.md documents and the web UI reads: the same
 * field names, order, nulls and number forms the hand-built maps they replace gave.
 */
class EventDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:15.5Z");
    private static final ImportIssue ISSUE =
            new ImportIssue(ErrorCode.DECODE_ERROR, Severity.SKIP_FILE, "a/b.flac", "bad frame", AT);

    private static SessionStatus status(SessionState state, double eta, int stillPending) {
        return new SessionStatus(
                "s1",
                state,
                "Albums",
                START,
                10.456,
                4,
                2,
                1,
                1,
                0,
                1,
                3,
                2,
                1,
                0,
                1,
                stillPending,
                0.5,
                0.2,
                eta,
                List.of(new WorkerActivity(1, null, null, null)),
                List.of(ISSUE),
                "fingerprinting",
                null);
    }

    private static final String ISSUE_JSON = "\"file_path\":\"a/b.flac\",\"error_code\":\"DECODE_ERROR\","
            + "\"error_message\":\"bad frame\",\"severity\":\"SKIP_FILE\",\"occurred_at\":\"2026-01-02T03:04:15.500Z\"";

    private static final String STATUS_JSON = "{\"session_id\":\"s1\",\"state\":\"PROCESSING\",\"folder\":\"Albums\","
            + "\"progress\":{\"current\":2,\"total\":4,\"percentage\":62.5},"
            + "\"current_operation\":\"fingerprinting\",\"errors\":[{" + ISSUE_JSON + "}],"
            + "\"started_at\":\"2026-01-02T03:04:05Z\",\"elapsed_seconds\":10.46,\"rate_per_second\":0.2,"
            + "\"estimated_remaining_seconds\":null,"
            + "\"counts\":{\"imported\":1,\"unchanged\":1,\"duplicate\":0,\"failed\":1,\"passages_created\":3,"
            + "\"accepted\":2,\"review\":1,\"rejected\":0,\"pending\":1,\"still_pending\":null},"
            + "\"workers\":[{\"worker_id\":1,\"file_path\":null,\"stage\":null,\"since\":null,\"elapsed_ms\":null}],"
            + "\"pause_reason\":null,\"terminal\":false}";

    @Test
    void theStatusIsTheDocumentedObjectWithItsNulls() throws Exception {
        assertThat(JSON.writeValueAsString(SessionView.of(status(SessionState.PROCESSING, -1, -1))))
                .isEqualTo(STATUS_JSON);
    }

    @Test
    void aKnownEtaAndStillPendingAreNumbersAndABusyWorkerHasItsElapsedTime() throws Exception {
        SessionStatus s = new SessionStatus(
                "s1",
                SessionState.COMPLETED,
                "Albums",
                START,
                1,
                1,
                1,
                1,
                0,
                0,
                0,
                1,
                1,
                0,
                0,
                0,
                2,
                0,
                1,
                3.333,
                List.of(new WorkerActivity(
                        2, "x.flac", "decoding", Instant.now().minusSeconds(5))),
                List.of(),
                null,
                null);
        JsonNode n = JSON.readTree(JSON.writeValueAsString(SessionView.of(s)));
        assertThat(n.get("estimated_remaining_seconds").asDouble()).isEqualTo(3.33);
        assertThat(n.get("counts").get("still_pending").asInt()).isEqualTo(2);
        assertThat(n.get("terminal").asBoolean()).isTrue();
        assertThat(n.get("progress").get("percentage").asDouble()).isEqualTo(100.0);
        assertThat(n.get("workers").get(0).get("stage").asText()).isEqualTo("decoding");
        assertThat(n.get("workers").get(0).get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void eachEventKindHasItsDocumentedFields() throws Exception {
        assertThat(json(new ImportEvent.StateChanged("s1", null, SessionState.SCANNING, null, AT)))
                .isEqualTo("{\"type\":\"state_changed\",\"session_id\":\"s1\",\"old_state\":null,"
                        + "\"new_state\":\"SCANNING\",\"detail\":null,\"timestamp\":\"2026-01-02T03:04:15.500Z\"}");
        assertThat(json(new ImportEvent.IssueRaised("s1", ISSUE, AT)))
                .isEqualTo("{\"type\":\"file_problem\",\"session_id\":\"s1\"," + ISSUE_JSON
                        + ",\"timestamp\":\"2026-01-02T03:04:15.500Z\"}");
        SessionStatus s = status(SessionState.PROCESSING, -1, -1);
        assertThat(json(new ImportEvent.Progress("s1", s, AT)))
                .isEqualTo("{\"type\":\"progress\",\"session_id\":\"s1\",\"current\":2,\"total\":4,"
                        + "\"operation\":\"fingerprinting\",\"status\":" + STATUS_JSON
                        + ",\"timestamp\":\"2026-01-02T03:04:15.500Z\"}");
        assertThat(json(new ImportEvent.Finished("s1", s, AT)))
                .isEqualTo("{\"type\":\"completed\",\"session_id\":\"s1\",\"state\":\"PROCESSING\","
                        + "\"files_processed\":2,\"files_failed\":1,\"passages_created\":3,"
                        + "\"duration_seconds\":10.456,\"status\":" + STATUS_JSON
                        + ",\"timestamp\":\"2026-01-02T03:04:15.500Z\"}");
    }

    @Test
    void aSnapshotIsAProgressEventMarkedAsSuch() throws Exception {
        String text = JSON.writeValueAsString(EventData.snapshot(SessionView.of(status(SessionState.PAUSED, 2, 0))));
        JsonNode n = JSON.readTree(text);
        assertThat(n.get("type").asText()).isEqualTo("progress");
        assertThat(n.get("session_id").asText()).isEqualTo("s1");
        assertThat(n.get("snapshot").asBoolean()).isTrue();
        assertThat(n.get("current").asInt()).isEqualTo(2);
        assertThat(n.get("total").asInt()).isEqualTo(4);
        assertThat(n.get("status").get("state").asText()).isEqualTo("PAUSED");
    }

    private static String json(ImportEvent e) throws Exception {
        return JSON.writeValueAsString(EventData.of(e));
    }
}
