package io.wkmp.ingest.adapters.http;

import io.wkmp.ingest.core.params.ImportParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: parameters pointing at fakes, recorded samples. */
public final class TestServices {
    private TestServices() {}

    /** Defaults with these settings changed (keys as in the settings table). */
    public static ImportParameters params(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return ImportParameters.defaults().with(m);
    }

    /** A recorded sample from {@code src/test/resources/samples}. */
    public static String sample(String name) {
        try (InputStream in = TestServices.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
