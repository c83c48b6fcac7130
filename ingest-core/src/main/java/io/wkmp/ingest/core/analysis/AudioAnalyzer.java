package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.amplitude.AmplitudeAnalyzer;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.audio.Tee;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.Fingerprinter;
import io.wkmp.ingest.core.segment.EnvelopeBuilder;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.segment.SilenceSegmenter;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library entry point for one file: decodes it once and, from that single pass, builds the RMS
 * envelope, segments it at silences, fingerprints each segment and measures each passage's lead and
 * fade points. Needs no database. Thread-safe: each call works on its own state.
 */
public final class AudioAnalyzer {
    private final AudioDecoder decoder;
    private final Fingerprinter fingerprinter;
    private final ImportParameters params;
    private final AmplitudeAnalyzer amplitude;

    public AudioAnalyzer(AudioDecoder decoder, Fingerprinter fingerprinter, ImportParameters params) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.params = Objects.requireNonNull(params, "params");
        this.amplitude = new AmplitudeAnalyzer(params);
    }

    /**
     * Analyses {@code file}.
     *
     * @throws FileRejectedException DECODE_ERROR when the file cannot be decoded
     */
    public AudioAnalysis analyze(Path file) {
        double threshold = params.decimal(Parameter.SILENCE_THRESHOLD_DBFS);
        int minSilenceMs = params.integer(Parameter.SILENCE_MIN_DURATION_MS);
        int windowMs = params.integer(Parameter.RMS_WINDOW_MS);
        FormatProbe probe = new FormatProbe();
        long delayMs = minSilenceMs + 4L * windowMs + 10;
        try (FingerprintFeeder feeder = new FingerprintFeeder(fingerprinter, params.integer(Parameter.FINGERPRINT_DURATION_S), delayMs)) {
            SilenceSegmenter segmenter = new SilenceSegmenter(threshold, minSilenceMs, feeder);
            EnvelopeBuilder envelope = new EnvelopeBuilder(windowMs, threshold, segmenter);
            decoder.decode(file, new Tee(List.of(probe, envelope, feeder)));
            if (probe.format == null || envelope.envelope().totalFrames() == 0) {
                throw new FileRejectedException(ErrorCode.DECODE_ERROR, "no audio was decoded from " + file.getFileName());
            }
            return assemble(probe.format, envelope, segmenter.spans(), feeder.results());
        }
    }

    private AudioAnalysis assemble(AudioFormat format, EnvelopeBuilder envelope, List<FrameSpan> spans,
            List<SegmentFingerprint> fingerprints) {
        int rate = format.sampleRate();
        long minPassage = (long) params.integer(Parameter.MIN_PASSAGE_DURATION_MS) * rate / 1000;
        List<AnalyzedPassage> passages = new ArrayList<>();
        List<AnalysisWarning> warnings = new ArrayList<>();
        for (FrameSpan span : spans) {
            if (span.frames() < Math.max(1, minPassage)) {
                continue;
            }
            SegmentFingerprint fp = fingerprints.stream().filter(f -> f.startFrame() == span.startFrame()).findFirst()
                    .orElse(new SegmentFingerprint(span.startFrame(), FingerprintStatus.FAILED, null, "no session"));
            AmplitudeAnalyzer.Result a = amplitude.analyze(envelope.envelope(), span);
            passages.add(new AnalyzedPassage(a.timing(), a.summary(), fp.status(), fp.fingerprint(), null));
            if (fp.status() != FingerprintStatus.OK) {
                ErrorCode code = fp.status() == FingerprintStatus.FAILED ? ErrorCode.FINGERPRINT_FAILED : ErrorCode.NOT_FINGERPRINTABLE;
                warnings.add(new AnalysisWarning(code, "passage at " + Ticks.format(a.timing().start()) + ": " + fp.message()));
            }
        }
        if (passages.isEmpty()) {
            warnings.add(new AnalysisWarning(ErrorCode.NO_AUDIO, ErrorCode.NO_AUDIO.description()));
        }
        long frames = envelope.envelope().totalFrames();
        return new AudioAnalysis(format, frames, Ticks.fromSamples(frames, rate),
                spans.stream().map(s -> s.toSegment(rate)).toList(), passages, passages.isEmpty(), warnings);
    }

    /** Remembers the stream format. */
    private static final class FormatProbe implements PcmConsumer {
        private AudioFormat format;

        @Override
        public void start(AudioFormat f) {
            format = f;
        }

        @Override
        public void accept(PcmBlock block) {
            // only the format matters here
        }
    }
}
