package io.wkmp.ingest.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/** A minimal blocking SSE client for tests: reads events (and comments) until told to stop or the stream ends. */
final class SseReader {
    record Event(String id, String name, String data) {}

    final List<Event> events = new ArrayList<>();
    int comments;

    /**
     * Reads from {@code url} until an event named {@code stopAt} arrives, {@code maxEvents} were read, or the
     * server closes the stream.
     */
    SseReader read(OkHttpClient http, String url, String lastEventId, String stopAt, int maxEvents) throws IOException {
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            rb.header("Last-Event-ID", lastEventId);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            if (r.code() != 200) {
                throw new IOException(
                        "SSE request failed: " + r.code() + " " + r.body().string());
            }
            BufferedSource in = r.body().source();
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            int read = 0;
            while ((line = in.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                        read++;
                        if (name.equals(stopAt) || read >= maxEvents) {
                            return this;
                        }
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                    if (stopAt.equals(":")) {
                        return this;
                    }
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "")
                            .append(line.substring(5).trim());
                }
            }
        }
        return this;
    }

    List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    long lastId() {
        return events.stream()
                .filter(e -> e.id() != null)
                .mapToLong(e -> Long.parseLong(e.id()))
                .max()
                .orElse(0);
    }
}
