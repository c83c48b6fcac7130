package io.wkmp.ingest.server.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the summary table {@code wkmp-ai import} prints (as a user reads it: label, then the number). */
final class Summary {
    private final String text;

    Summary(String text) {
        this.text = text;
    }

    /** The number on the row labelled {@code label} (e.g. "files found"); fails when there is no such row. */
    int row(String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+(\\d+)\\s*$")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("no row '" + label + "' in the summary:\n" + text);
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public String toString() {
        return text;
    }
}
