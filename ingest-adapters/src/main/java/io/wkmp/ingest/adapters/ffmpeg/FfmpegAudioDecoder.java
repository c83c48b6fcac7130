package io.wkmp.ingest.adapters.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.FileRejectedException;
import io.wkmp.ingest.core.port.AudioDecoder;
import io.wkmp.ingest.core.time.Ticks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Decodes with one ffmpeg child process to a WAV stream on its stdout: s16le for integer codecs, f32le for floating
 * point ones (converted as fpcalc does, see {@link PcmReader}), at the stream's native rate and channel count
 * (gapless MP3/AAC as ffmpeg does by default). FLAC, MP3, Ogg Vorbis and Opus need no ffprobe run (see {@link
 * StreamHeader}); other containers one. No shell is involved, so any file name works.
 * Decode errors (corrupt, truncated, empty or non-audio input) become DECODE_ERROR; an interrupt stops
 * the decode with {@link CancellationException}; the child is reaped in every case. Thread-safe.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
    private static final int READ_BYTES = 64 * 1024;

    private final String ffmpeg;
    private final FfprobeJson ffprobe;

    public FfmpegAudioDecoder() {
        this("ffmpeg", new FfprobeJson());
    }

    public FfmpegAudioDecoder(String ffmpegExecutable, FfprobeJson ffprobe) {
        this.ffmpeg = ffmpegExecutable;
        this.ffprobe = ffprobe;
    }

    @Override
    public AudioFormat probe(Path file) {
        return probeStream(file).format();
    }

    /**
     * The format plus whether the codec decodes to floating point (then PCM is converted as Chromaprint's fpcalc does),
     * and the exact length the container states when ffmpeg would decode past it (else null).
     */
    private record Stream(AudioFormat format, boolean floatingPoint, String statedSeconds, StreamHeader.Info header) {}

    private Stream probeStream(Path file) {
        requireNonEmpty(file);
        JsonNode json = ffprobe.probe(file);
        JsonNode s = FfprobeJson.audioStream(json)
                .orElseThrow(() ->
                        new FileRejectedException(ErrorCode.DECODE_ERROR, "no audio stream in " + file.getFileName()));
        int rate = s.path("sample_rate").asInt(0);
        int channels = s.path("channels").asInt(0);
        if (rate <= 0 || channels <= 0) {
            throw new FileRejectedException(
                    ErrorCode.DECODE_ERROR,
                    "audio stream of " + file.getFileName() + " has no sample rate or channel count");
        }
        int bits = s.path("bits_per_raw_sample").asInt(0) > 0
                ? s.path("bits_per_raw_sample").asInt()
                : s.path("bits_per_sample").asInt(0) > 0
                        ? s.path("bits_per_sample").asInt()
                        : 16;
        double seconds =
                s.path("duration").asDouble(json.path("format").path("duration").asDouble(-1));
        long ticks = seconds > 0 ? Ticks.fromSeconds(seconds) : -1;
        boolean floating = s.path("sample_fmt").asText("").startsWith("flt")
                || s.path("sample_fmt").asText("").startsWith("dbl");
        // MP4/M4A state the exact length in the edit list, but ffmpeg decodes the encoder's end padding too (up to
        // one AAC frame, ~23 ms): decode only the stated length there. Elsewhere a stated length may be an estimate.
        boolean mp4 = json.path("format").path("format_name").asText("").contains("mp4")
                && s.path("duration_ts").asLong(0) > 0;
        return new Stream(
                new AudioFormat(rate, channels, bits, s.path("codec_name").asText("unknown"), ticks),
                floating,
                mp4 ? s.path("duration").asText() : null,
                null);
    }

    /**
     * What to ask ffmpeg for: from the file's header when it tells enough (FLAC, MP3, Ogg Vorbis, Opus: no ffprobe
     * run), else from ffprobe (MP4's exact length, WAV, AIFF, anything else). The rate and channel count come from
     * the WAV header ffmpeg writes in front of the samples.
     */
    private Stream plan(Path file) {
        requireNonEmpty(file);
        try {
            Optional<StreamHeader.Info> h = StreamHeader.read(file);
            if (h.isPresent()) {
                StreamHeader.Info i = h.get();
                return new Stream(null, i.floatingPoint(), null, i);
            }
        } catch (IOException e) {
            throw new FileRejectedException(
                    ErrorCode.FILE_UNREADABLE, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return probeStream(file);
    }

    @Override
    public void decode(Path file, PcmConsumer sink) {
        Stream stream = plan(file);
        String codec = stream.floatingPoint() ? "pcm_f32le" : "pcm_s16le";
        List<String> cmd = FfmpegProcess.args(
                ffmpeg, "-nostdin", "-v", "error", "-xerror", "-i", FfmpegProcess.input(file), "-map", "0:a:0");
        if (stream.statedSeconds() != null) {
            cmd.addAll(List.of("-t", stream.statedSeconds()));
        }
        cmd.addAll(List.of("-f", "wav", "-acodec", codec, "-bitexact", "-"));
        try (FfmpegProcess p = FfmpegProcess.start(cmd)) {
            AudioFormat format = stream.format();
            InputStream out = p.stdout();
            int[] rateChannels = WavHeader.read(out);
            if (rateChannels == null) {
                throw failed(file, p);
            }
            if (format == null) {
                StreamHeader.Info i = stream.header();
                format = new AudioFormat(
                        rateChannels[0], rateChannels[1], i.bitsPerSample(), i.codec(), i.statedTicks());
            }
            sink.start(format);
            long frames = new PcmReader(out, format.channels(), stream.floatingPoint()).pump(sink);
            if (p.waitFor() != 0) {
                throw failed(file, p);
            }
            if (frames == 0) {
                throw new FileRejectedException(ErrorCode.DECODE_ERROR, "no audio samples in " + file.getFileName());
            }
            requireComplete(file, format, frames);
            sink.finish();
        } catch (IOException e) {
            throw new FileRejectedException(
                    ErrorCode.DECODE_ERROR,
                    "reading ffmpeg output for " + file.getFileName() + " failed: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("decode of " + file.getFileName() + " interrupted");
        }
    }

    private static FileRejectedException failed(Path file, FfmpegProcess p) throws InterruptedException {
        int code = p.waitFor();
        return new FileRejectedException(
                ErrorCode.DECODE_ERROR,
                "ffmpeg could not decode " + file.getFileName() + " (exit " + code + "): " + p.errorText());
    }

    /** A stream that stops well before the duration its container states is truncated (MP3 decodes to EOF silently). */
    private static void requireComplete(Path file, AudioFormat format, long frames) {
        long decoded = Ticks.fromSamples(frames, format.sampleRate());
        long stated = format.durationTicks();
        if (stated > 0 && decoded < stated * 0.9 && stated - decoded > Ticks.PER_SECOND) {
            throw new FileRejectedException(
                    ErrorCode.DECODE_ERROR,
                    file.getFileName() + " is truncated: decoded " + Ticks.format(decoded) + " of the "
                            + Ticks.format(stated) + " its header states");
        }
    }

    private static void requireNonEmpty(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new FileRejectedException(ErrorCode.DECODE_ERROR, file.getFileName() + " is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new FileRejectedException(
                    ErrorCode.FILE_UNREADABLE, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
