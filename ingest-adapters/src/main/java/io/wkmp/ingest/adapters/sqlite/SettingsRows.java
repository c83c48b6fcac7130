package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.session.SessionRecord;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes of {@code settings} (plain-text values, one row a key) and {@code import_sessions}. */
final class SettingsRows {
    private SettingsRows() {}

    /** Upserts {@code values}; with {@code onlyMissing}, only rows that are absent or NULL are written. Returns the rows changed. */
    static Integer upsert(Handle h, Map<String, String> values, boolean onlyMissing) {
        PreparedBatch batch =
                h.prepareBatch("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE"
                        + " SET value = excluded.value, updated_at = CURRENT_TIMESTAMP"
                        + (onlyMissing ? " WHERE settings.value IS NULL" : ""));
        values.forEach((k, v) -> batch.bind("k", k).bind("v", v).add());
        if (batch.size() == 0) {
            return 0;
        }
        int changed = 0;
        for (int n : batch.execute()) {
            changed += n;
        }
        return changed;
    }

    static Void recordSession(Handle h, Json json, SessionRecord s) {
        double pct = s.filesTotal() <= 0 ? 0 : 100.0 * s.filesProcessed() / s.filesTotal();
        h.createUpdate("""
                INSERT INTO import_sessions (session_id, state, root_folder, parameters, progress_current, progress_total,
                  progress_percentage, current_operation, errors, started_at, ended_at, files_skipped, passages_created)
                VALUES (:id, :state, :root, :params, :current, :total, :pct, :op, :errors, :started, :ended, :skipped, :passages)
                ON CONFLICT(session_id) DO UPDATE SET state = excluded.state, root_folder = excluded.root_folder,
                  parameters = excluded.parameters, progress_current = excluded.progress_current,
                  progress_total = excluded.progress_total, progress_percentage = excluded.progress_percentage,
                  current_operation = excluded.current_operation, errors = excluded.errors,
                  started_at = excluded.started_at, ended_at = excluded.ended_at,
                  files_skipped = excluded.files_skipped, passages_created = excluded.passages_created
                """)
                .bind("id", s.sessionId())
                .bind("state", s.state().name())
                .bind("root", s.rootFolder() == null ? "" : s.rootFolder())
                .bind("params", json.map(s.parameters()))
                .bind("current", s.filesProcessed())
                .bind("total", s.filesTotal())
                .bind("pct", pct)
                .bind("op", s.currentOperation())
                .bind("errors", json.issues(s.issues()))
                .bind("started", Timestamps.format(s.startedAt()))
                .bind("ended", Timestamps.format(s.endedAt()))
                .bind("skipped", s.filesSkipped())
                .bind("passages", s.passagesCreated())
                .execute();
        return null;
    }
}
