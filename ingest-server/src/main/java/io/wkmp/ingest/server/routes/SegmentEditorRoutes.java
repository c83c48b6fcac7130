package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.library.StoredFile;
import io.wkmp.ingest.core.passage.PassageTiming;
import io.wkmp.ingest.core.passage.TimingException;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.LibraryQueries;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.security.RootPaths;
import io.wkmp.ingest.server.wire.FileView;
import io.wkmp.ingest.server.wire.WaveformView;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The segment editor's data: a file's passages, waveform peaks at a requested resolution (from the cells stored at
 * import, {@link WaveformCells}: no decode), the audio itself
 * (one byte range at a time, see {@link ByteRange}, so the browser can seek and play a region) and saving edited passage timing, checked by {@link PassageTiming} and
 * the store (no overlaps, nothing past the end of the file).
 */
public final class SegmentEditorRoutes {
    private static final Map<String, String> AUDIO_TYPES = Map.of(
            "mp3",
            "audio/mpeg",
            "flac",
            "audio/flac",
            "ogg",
            "audio/ogg",
            "opus",
            "audio/ogg",
            "wav",
            "audio/wav",
            "m4a",
            "audio/mp4",
            "aac",
            "audio/aac");

    private final LibraryQueries queries;
    private final AudioDecoder decoder;
    private final RootPaths paths;
    private final ObjectMapper json;

    public SegmentEditorRoutes(LibraryQueries queries, AudioDecoder decoder, RootPaths paths, ObjectMapper json) {
        this.queries = queries;
        this.decoder = decoder;
        this.paths = paths;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/segments", ctx -> ctx.json(FileView.of(Lookup.storedFile(ctx, paths, queries), false)));
        r.get("/segments/waveform", this::waveform);
        r.get("/segments/audio", this::audio);
        r.put("/segments", this::save);
    }

    private void waveform(Context ctx) {
        Path file = paths.resolveFile(ctx.queryParam("path"), "path");
        int buckets = Lookup.intParam(ctx, "buckets", 1000, 1, 20_000);
        Long start = Lookup.longParam(ctx, "start_ticks");
        Long end = Lookup.longParam(ctx, "end_ticks");
        long from = start == null ? 0 : start;
        long to = end == null ? -1 : end;
        try {
            WaveformCells.requireStretch(from, to, buckets);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", e.getMessage());
        }
        ctx.json(WaveformView.of(cells(file).waveform(from, to, buckets)));
    }

    /**
     * The file's waveform cells: those its import stored; for a file imported before cells were stored, one decode
     * whose cells are stored then; for a file not imported, one decode.
     */
    private WaveformCells cells(Path file) {
        String relative = paths.relative(file);
        Optional<WaveformCells> stored = queries.waveform(relative);
        if (stored.isPresent()) {
            return stored.get();
        }
        WaveformCells.Builder built = new WaveformCells.Builder();
        decoder.decode(file, built);
        WaveformCells cells = built.result();
        if (queries.file(relative).isPresent()) {
            queries.storeWaveform(relative, cells);
        }
        return cells;
    }

    private void audio(Context ctx) throws IOException {
        Path file = paths.resolveFile(ctx.queryParam("path"), "path");
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = AUDIO_TYPES.get(ext);
        if (type == null) {
            throw ApiException.badRequest(
                    "UNSUPPORTED_FORMAT", "'" + name + "' is not an audio file the browser can play");
        }
        long size = Files.size(file);
        Optional<ByteRange> range;
        try {
            range = ctx.header("If-Range") != null ? Optional.empty() : ByteRange.of(ctx.header("Range"), size);
        } catch (ByteRange.NotSatisfiable e) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new ApiException(416, "RANGE_NOT_SATISFIABLE", e.getMessage());
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(type);
        ctx.header("Content-Length", Long.toString(length));
        range.ifPresent(r -> ctx.status(206).header("Content-Range", r.contentRange(size)));
        copy(file, first, length, ctx.outputStream());
    }

    /** Writes {@code length} bytes of {@code file} from {@code first}; a file that shrank meanwhile is an error, not a wait. */
    private static void copy(Path file, long first, long length, OutputStream out) throws IOException {
        try (FileChannel in = FileChannel.open(file);
                WritableByteChannel to = Channels.newChannel(out)) {
            long at = first;
            long end = first + length;
            while (at < end) {
                long n = in.transferTo(at, end - at, to);
                if (n <= 0) {
                    throw new EOFException(file.getFileName() + " ended at byte " + at + " while it was being sent");
                }
                at += n;
            }
        }
    }

    private void save(Context ctx) {
        StoredFile file = Lookup.storedFile(ctx, paths, queries);
        Map<String, PassageTiming> edits = new LinkedHashMap<>();
        for (JsonBody p : JsonBody.of(ctx, json).objects("passages")) {
            String guid = p.text("guid");
            if (guid == null) {
                throw ApiException.badRequest("INVALID_TIMING", "every edited passage needs its guid");
            }
            PassageTiming timing;
            try {
                timing = TimingEdit.of(p);
            } catch (TimingException e) {
                throw invalid(e, guid, Map.of(), file);
            }
            if (edits.put(guid, timing) != null) {
                throw ApiException.badRequest("INVALID_TIMING", "passage " + guid + " is listed twice");
            }
        }
        if (edits.isEmpty()) {
            throw ApiException.badRequest("INVALID_TIMING", "passages must list at least one edited passage");
        }
        try {
            queries.updatePassageTimings(file.relativePath(), edits);
        } catch (TimingException e) {
            throw invalid(e, null, edits, file);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_TIMING", e.getMessage());
        }
        ctx.json(FileView.of(queries.file(file.relativePath()).orElseThrow(), false));
    }

    /**
     * 400 INVALID_TIMING with the message (times as m:ss.mmm) and, for the editor, {@code passage} (guid) and
     * {@code field} of the point at fault that the request changed (else one it listed): {@code ownGuid}'s for a rule
     * of one passage.
     */
    private static ApiException invalid(
            TimingException e, String ownGuid, Map<String, PassageTiming> edits, StoredFile stored) {
        ApiException refusal = ApiException.badRequest("INVALID_TIMING", e.getMessage());
        Map<String, PassageTiming> before = new LinkedHashMap<>();
        stored.passages().forEach(p -> before.put(p.guid(), p.timing()));
        for (boolean changedOnly : new boolean[] {true, false}) {
            for (TimingException.Fault f : e.faults()) {
                String guid = f.passage() == null
                        ? ownGuid
                        : edits.entrySet().stream()
                                .filter(x -> x.getValue().equals(f.passage()))
                                .filter(x -> !changedOnly || !x.getValue().equals(before.get(x.getKey())))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(null);
                if (guid != null) {
                    return refusal.with("passage", guid).with("field", f.field());
                }
            }
        }
        return refusal;
    }
}
