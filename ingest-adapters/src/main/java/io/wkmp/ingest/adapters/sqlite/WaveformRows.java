package io.wkmp.ingest.adapters.sqlite;

import io.wkmp.ingest.core.audio.WaveformCells;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code file_waveforms} table: one row per decoded file, its {@link WaveformCells} as a BLOB of little-endian
 * 16-bit (min, max, rms) triples, one per cell. Deleted with the file.
 */
final class WaveformRows {
    private WaveformRows() {}

    /** Replaces the file's cells; null removes them (a result that was not decoded). */
    static void write(Handle h, String fileGuid, WaveformCells cells) {
        if (cells == null) {
            h.createUpdate("DELETE FROM file_waveforms WHERE file_id = :f")
                    .bind("f", fileGuid)
                    .execute();
            return;
        }
        h.createUpdate("INSERT INTO file_waveforms (file_id, sample_rate, frames_per_cell, frames, cells)"
                        + " VALUES (:f, :rate, :per, :frames, :cells) ON CONFLICT(file_id) DO UPDATE SET"
                        + " sample_rate = excluded.sample_rate, frames_per_cell = excluded.frames_per_cell,"
                        + " frames = excluded.frames, cells = excluded.cells")
                .bind("f", fileGuid)
                .bind("rate", cells.sampleRate())
                .bind("per", cells.framesPerCell())
                .bind("frames", cells.frames())
                .bind("cells", encode(cells))
                .execute();
    }

    static Optional<WaveformCells> read(Handle h, String relativePath) {
        return h.createQuery("SELECT w.sample_rate, w.frames_per_cell, w.frames, w.cells FROM file_waveforms w"
                        + " JOIN files f ON f.guid = w.file_id WHERE f.path = :p")
                .bind("p", relativePath)
                .map((rs, ctx) -> decode(
                        rs.getInt("sample_rate"),
                        rs.getInt("frames_per_cell"),
                        rs.getLong("frames"),
                        rs.getBytes("cells")))
                .findOne();
    }

    static byte[] encode(WaveformCells c) {
        ByteBuffer b = ByteBuffer.allocate(c.cells() * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < c.cells(); i++) {
            b.putShort(c.min()[i]).putShort(c.max()[i]).putShort(c.rms()[i]);
        }
        return b.array();
    }

    static WaveformCells decode(int rate, int framesPerCell, long frames, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = bytes.length / 6;
        short[] min = new short[n], max = new short[n], rms = new short[n];
        for (int i = 0; i < n; i++) {
            min[i] = b.getShort();
            max[i] = b.getShort();
            rms[i] = b.getShort();
        }
        return new WaveformCells(rate, framesPerCell, frames, min, max, rms);
    }
}
