package io.wkmp.ingest.server.wire;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.wkmp.ingest.core.audio.Waveform;

/** The answer of {@code GET /segments/waveform}: per bucket the minimum, maximum and RMS of the samples. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WaveformView(
        int sampleRate, long startTicks, long endTicks, int buckets, float[] min, float[] max, float[] rms) {

    public static WaveformView of(Waveform w) {
        return new WaveformView(w.sampleRate(), w.startTicks(), w.endTicks(), w.buckets(), w.min(), w.max(), w.rms());
    }
}
