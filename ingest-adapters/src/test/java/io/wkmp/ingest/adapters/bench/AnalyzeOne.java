package io.wkmp.ingest.adapters.bench;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import java.nio.file.Files;
import java.nio.file.Path;

/** Child process of {@link AnalysisBenchmark}: analyses one file and prints "passages durationS vmhwmKb". */
public final class AnalyzeOne {
    private AnalyzeOne() {}

    public static void main(String[] args) throws Exception {
        AudioAnalysis a = new AudioAnalyzer(
                        new FfmpegAudioDecoder(),
                        new ChromaprintFingerprinter(),
                        ImportParameters.defaults().analysis())
                .analyze(Path.of(args[0]));
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .findFirst()
                .orElse("VmHWM: -1 kB")
                .replaceAll("[^0-9]", "");
        System.out.println(
                a.passages().size() + " " + a.totalFrames() / a.format().sampleRate() + " " + hwm);
    }
}
