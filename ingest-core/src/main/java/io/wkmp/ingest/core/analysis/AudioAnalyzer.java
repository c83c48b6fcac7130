package io.wkmp.ingest.core.analysis;

import io.wkmp.ingest.core.amplitude.AmplitudeAnalyzer;
import io.wkmp.ingest.core.analysis.AnalyzedPassage.CueTrackInfo;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmBlock;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.audio.Tee;
import io.wkmp.ingest.core.cue.CueLookup;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.params.Analysis;
import io.wkmp.ingest.core.params.Segmentation;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.port.Fingerprinter;
import io.wkmp.ingest.core.segment.Envelope;
import io.wkmp.ingest.core.segment.EnvelopeBuilder;
import io.wkmp.ingest.core.segment.FrameSpan;
import io.wkmp.ingest.core.segment.SilenceSegmenter;
import io.wkmp.ingest.core.segment.SpanJoiner;
import io.wkmp.ingest.core.time.Ticks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The library entry point for one file: decodes it once and, from that single pass, builds the RMS
 * envelope, segments it at silences, fingerprints each segment and measures each passage's lead and
 * fade points. With a cue sheet that names the file, the passages follow the cue's tracks instead
 * (see {@link #analyze(Path, CueLookup)}). Needs no database. Thread-safe: each call works on its own state.
 */
public final class AudioAnalyzer {
    private final AudioDecoder decoder;
    private final Fingerprinter fingerprinter;
    private final Analysis analysis;
    private final Segmentation params;
    private final AmplitudeAnalyzer amplitude;

    public AudioAnalyzer(AudioDecoder decoder, Fingerprinter fingerprinter, Analysis analysis) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.params = analysis.segmentation();
        this.amplitude = new AmplitudeAnalyzer(analysis);
    }

    /**
     * Analyses {@code file} by silence detection alone.
     *
     * @throws FileRejectedException DECODE_ERROR when the file cannot be decoded
     */
    public AudioAnalysis analyze(Path file) {
        return analyze(file, CueLookup.NONE);
    }

    /**
     * Analyses {@code file} with the cue sheet {@code cue} found for it (typically {@code CueSheets.lookup(file)}).
     * When the sheet names the file and its INDEX 01 points increase and lie inside the audio, passage i runs
     * from INDEX 01 of track i to INDEX 01 of track i+1 (or the end), carries the track's title and performer
     * ({@link AnalyzedPassage#cueTrack()}), and is fingerprinted on exactly that span. Audio before track 1's
     * INDEX 01 is left out unless silence detection finds at least the minimum passage length of sound in it;
     * then it becomes its own passage with cue track number 0. Disagreement with the detected silences is a
     * CUE_SHEET_INVALID warning listing each track's difference. Any problem with the sheet is such a warning
     * too, and then silence detection decides the passages as in {@link #analyze(Path)}.
     *
     * @throws FileRejectedException DECODE_ERROR when the file cannot be decoded
     */
    public AudioAnalysis analyze(Path file, CueLookup cue) {
        return analyze(file, cue, List.of());
    }

    /**
     * As {@link #analyze(Path, CueLookup)}, feeding the same single decode to {@code alongside} too (after the
     * analysis' own consumers): whatever else needs the file's samples (flavour, waveform) takes them from this pass.
     */
    public AudioAnalysis analyze(Path file, CueLookup cue, List<PcmConsumer> alongside) {
        double threshold = params.silenceThresholdDbfs();
        int minSilenceMs = params.silenceMinDurationMs();
        int windowMs = params.rmsWindowMs();
        int fpSeconds = analysis.fingerprintSeconds();
        List<AnalysisWarning> warnings = new ArrayList<>();
        Optional<CuePlan> plan = CuePlan.of(cue, file.getFileName().toString(), warnings);
        FormatProbe probe = new FormatProbe();
        long delayMs = minSilenceMs + 4L * windowMs + 10;
        try (FingerprintFeeder feeder = new FingerprintFeeder(fingerprinter, fpSeconds, delayMs);
                FingerprintFeeder cueFeeder = new FingerprintFeeder(fingerprinter, fpSeconds, 0)) {
            SilenceSegmenter segmenter = new SilenceSegmenter(threshold, minSilenceMs, feeder);
            EnvelopeBuilder envelope = new EnvelopeBuilder(windowMs, threshold, segmenter);
            List<PcmConsumer> chain = new ArrayList<>(List.of(probe, envelope, feeder));
            plan.ifPresent(p -> chain.addAll(List.of(p.boundaryFeed(cueFeeder), cueFeeder)));
            chain.addAll(alongside);
            decoder.decode(file, new Tee(chain));
            if (probe.format == null || envelope.envelope().totalFrames() == 0) {
                throw new FileRejectedException(
                        ErrorCode.DECODE_ERROR, "no audio was decoded from " + file.getFileName());
            }
            Envelope env = envelope.envelope();
            int rate = probe.format.sampleRate();
            List<SpanJoiner.Joined> joined = spanJoiner().join(env, segmenter.spans());
            List<FrameSpan> detected =
                    joined.stream().map(SpanJoiner.Joined::span).toList();
            Optional<List<FrameSpan>> cueSpans = plan.flatMap(p -> p.spans(rate, env.totalFrames(), warnings));
            List<AnalyzedPassage> passages = cueSpans.isPresent()
                    ? cuePassages(plan.get(), cueSpans.get(), env, detected, cueFeeder.results(), warnings)
                    : silencePassages(env, joined, feeder.results(), warnings);
            if (passages.isEmpty()) {
                warnings.add(new AnalysisWarning(ErrorCode.NO_AUDIO, ErrorCode.NO_AUDIO.description()));
            }
            return new AudioAnalysis(
                    probe.format,
                    env.totalFrames(),
                    Ticks.fromSamples(env.totalFrames(), rate),
                    detected.stream().map(s -> s.toSegment(rate)).toList(),
                    passages,
                    passages.isEmpty(),
                    warnings,
                    cueSpans.isPresent() ? plan.get().sheet() : null);
        }
    }

    /**
     * One passage a span long enough; a span that a quiet piece joined is fingerprinted by its longest piece (the
     * fingerprints were taken during the decode, piece by piece; AcoustID aligns the lead-in's offset).
     */
    private List<AnalyzedPassage> silencePassages(
            Envelope env, List<SpanJoiner.Joined> spans, List<SegmentFingerprint> fps, List<AnalysisWarning> warnings) {
        List<AnalyzedPassage> passages = new ArrayList<>();
        for (SpanJoiner.Joined j : spans) {
            if (j.span().frames() >= minPassageFrames(env.sampleRate())) {
                passages.add(passage(env, j.span(), j.main().startFrame(), fps, null, warnings));
            }
        }
        return passages;
    }

    private SpanJoiner spanJoiner() {
        return new SpanJoiner(
                params.quietPieceMaxMs(),
                params.quietPieceQuieterDb(),
                params.quietPieceMaxGapMs(),
                params.pauseMaxMs());
    }

    private List<AnalyzedPassage> cuePassages(
            CuePlan plan,
            List<FrameSpan> spans,
            Envelope env,
            List<FrameSpan> detected,
            List<SegmentFingerprint> fps,
            List<AnalysisWarning> warnings) {
        int rate = env.sampleRate();
        long[] starts = spans.stream().mapToLong(FrameSpan::startFrame).toArray();
        CueCrossCheck.warning(plan.tracks(), CueCrossCheck.differences(starts, detected, rate))
                .ifPresent(warnings::add);
        List<AnalyzedPassage> passages = new ArrayList<>();
        long pregap = starts[0];
        long loud = detected.stream()
                .mapToLong(s -> Math.max(0, Math.min(s.endFrame(), pregap) - s.startFrame()))
                .sum();
        if (pregap > 0 && loud >= minPassageFrames(rate)) {
            passages.add(passage(
                    env, new FrameSpan(0, pregap, Double.NaN), 0, fps, new CueTrackInfo(0, null, null), warnings));
        }
        for (int i = 0; i < spans.size(); i++) {
            var t = plan.tracks().get(i);
            String performer =
                    t.performer() != null ? t.performer() : plan.sheet().performer();
            passages.add(passage(
                    env,
                    spans.get(i),
                    spans.get(i).startFrame(),
                    fps,
                    new CueTrackInfo(t.number(), t.title(), performer),
                    warnings));
        }
        return passages;
    }

    private AnalyzedPassage passage(
            Envelope env,
            FrameSpan span,
            long fingerprintStart,
            List<SegmentFingerprint> fps,
            CueTrackInfo cue,
            List<AnalysisWarning> warnings) {
        SegmentFingerprint fp = fps.stream()
                .filter(f -> f.startFrame() == fingerprintStart)
                .findFirst()
                .orElse(new SegmentFingerprint(span.startFrame(), FingerprintStatus.FAILED, null, "no session"));
        AmplitudeAnalyzer.Result a = amplitude.analyze(env, span);
        if (fp.status() != FingerprintStatus.OK) {
            ErrorCode code = fp.status() == FingerprintStatus.FAILED
                    ? ErrorCode.FINGERPRINT_FAILED
                    : ErrorCode.NOT_FINGERPRINTABLE;
            warnings.add(new AnalysisWarning(
                    code, "passage at " + Ticks.format(a.timing().start()) + ": " + fp.message()));
        }
        return new AnalyzedPassage(a.timing(), a.summary(), fp.status(), fp.fingerprint(), cue);
    }

    private long minPassageFrames(int rate) {
        return Math.max(1, (long) params.minPassageDurationMs() * rate / 1000);
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
