package io.wkmp.ingest.core.flavor;

import java.util.Map;
import java.util.TreeMap;

/**
 * Musical flavor of a recording or passage: named characteristics, each a number. AcousticBrainz
 * high-level classifiers appear as {@code classifier.class} probabilities ("mood_happy.happy" = 0.8);
 * local analysis adds scalars ("bpm", "spectral_centroid_hz", ...).
 *
 * @param source where it came from: "AcousticBrainz", "Essentia" or "local"
 */
public record Flavor(String source, Map<String, Double> values) {
    public Flavor {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
