package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.analysis.AudioAnalysis;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.audio.PcmConsumer;
import io.wkmp.ingest.core.audio.WaveformCells;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.cue.CueSheet;
import io.wkmp.ingest.core.cue.CueSheets;
import io.wkmp.ingest.core.error.AnalysisWarning;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.ImportIssue;
import io.wkmp.ingest.core.error.IngestException;
import io.wkmp.ingest.core.error.Severity;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.identification.PathHints;
import io.wkmp.ingest.core.library.CoverArt;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.FileStatus;
import io.wkmp.ingest.core.library.ImageImport;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.CoverArtSource;
import io.wkmp.ingest.core.port.FileOutcome;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.FileTask;
import io.wkmp.ingest.core.port.FlavorSource;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.PipelineContext;
import io.wkmp.ingest.core.port.TagReader;
import io.wkmp.ingest.core.scan.ContentHash;
import io.wkmp.ingest.core.session.FileStage;
import io.wkmp.ingest.core.tags.FileTags;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The per-file pipeline of spec AIA-ASYNC-040: tags and path context, hash (duplicates stop here, before
 * any decode), one decode (segments, fingerprints, lead-in/out, fades), identification of the file's
 * passages as one group, musical flavour (fed by that same decode). Writing is the engine's. Thread-safe.
 */
public final class StandardFilePipeline implements FilePipeline {
    private final TagReader tags;
    private final AudioAnalyzer analyzer;
    private final GroupIdentification identification;
    private final boolean online;
    private final FlavorSource flavor;
    private final CoverArtSource coverArt;
    private final Path root;
    private final Clock clock;

    /**
     * @param coverArt finds embedded and folder cover art; null for none
     * @param root the WKMP root folder (image paths are relative to it)
     */
    public StandardFilePipeline(
            TagReader tags,
            AudioAnalyzer analyzer,
            IdentifierSource identifiers,
            FlavorSource flavor,
            CoverArtSource coverArt,
            Path root,
            Clock clock) {
        this.tags = tags;
        this.analyzer = analyzer;
        this.identification = new GroupIdentification(identifiers);
        this.online = identifiers != IdentifierSource.OFFLINE;
        this.flavor = flavor;
        this.coverArt = coverArt;
        this.root = root;
        this.clock = clock;
    }

    @Override
    public FileOutcome process(FileTask task, PipelineContext ctx) {
        List<ImportIssue> warnings = new ArrayList<>();
        ctx.stage(FileStage.TAGS);
        FileTags fileTags = tags.read(task.file());
        PathHints hints = GroupIdentification.hints(task.relativePath());

        ctx.stage(FileStage.HASH);
        String sha256 = ContentHash.sha256(task.file());
        Optional<String> original = ctx.claimHash(sha256, task.relativePath());
        if (original.isPresent()) {
            warnings.add(warning(
                    ErrorCode.DUPLICATE_HASH, task, "same content as " + original.get() + "; recorded as a duplicate"));
            return new FileOutcome.Imported(
                    file(task, sha256, null, FileStatus.DUPLICATE_HASH, fileTags, List.of(), List.of(), original.get()),
                    warnings);
        }

        ctx.stage(FileStage.DECODE);
        FlavorSource.FileFlavors flavors = flavor.forFile(task.file());
        WaveformCells.Builder waveform = new WaveformCells.Builder();
        AudioAnalysis analysis = decode(task, List.of(flavors, waveform));
        for (AnalysisWarning w : analysis.warnings()) {
            warnings.add(warning(w.code(), task, w.message()));
        }
        if (analysis.noAudio()) {
            warnings.add(warning(ErrorCode.NO_AUDIO, task, null));
            return new FileOutcome.Imported(
                    file(task, sha256, analysis, FileStatus.NO_AUDIO, fileTags, List.of(), List.of(), null)
                            .withWaveform(waveform.result()),
                    warnings);
        }

        ctx.stage(FileStage.IDENTIFY);
        GroupResult identified = identification.identifyFile(
                analysis, fileTags, hints, ctx, w -> warnings.add(warning(w.code(), task, w.message())));

        ctx.stage(FileStage.FLAVOR);
        ctx.waitingOnServices(() -> prefetchFlavors(identified));
        List<PassageImport> passages = new ArrayList<>();
        List<AnalyzedPassage> analyzed = analysis.passages();
        Release release = identified.release().orElse(null);
        String album = release != null
                ? release.title()
                : analysis.cueSheetValue()
                        .map(CueSheet::title)
                        .orElse(fileTags.album() != null ? fileTags.album() : hints.album());
        for (int i = 0; i < analyzed.size(); i++) {
            AnalyzedPassage p = analyzed.get(i);
            PassageResult r = identified.passages().get(i);
            Identification id = r.identification();
            String mbid = id.recordingMbid();
            Flavor f = flavorOf(flavors, mbid, task, p, warnings);
            boolean single = analyzed.size() == 1;
            passages.add(new PassageImport(
                    p.timing(),
                    PassageNaming.title(r, p, fileTags, single),
                    PassageNaming.artist(r, p, fileTags),
                    album,
                    p.fingerprintValue().map(fp -> fp.encoded()).orElse(null),
                    id,
                    r.recording().orElse(null),
                    // a passage identified on its own (a hidden track) is not placed on the file's release
                    mbid != null && r.track().isPresent() ? release : null,
                    f,
                    p.amplitude()));
        }
        ctx.stage(FileStage.COVER_ART);
        List<ImageImport> images = List.of();
        if (coverArt != null) {
            String releaseMbid = release == null ? null : release.releaseMbid();
            CoverArt art = ctx.waitingOnServices(() -> coverArt.coverArt(task.file(), root, releaseMbid));
            images = art.images();
            art.warnings().forEach(w -> warnings.add(warning(w.code(), task, w.message())));
        }
        return new FileOutcome.Imported(
                file(task, sha256, analysis, FileStatus.INGEST_COMPLETE, fileTags, passages, images, null)
                        .withWaveform(waveform.result()),
                warnings);
    }

    /** Online, a batch of AcoustID lookups' worth of files may wait for their answers while others are analysed. */
    @Override
    public int filesWaitingOnServices() {
        return online ? AcoustIdService.MAX_BATCH : 0;
    }

    private AudioAnalysis decode(FileTask task, List<PcmConsumer> alongside) {
        try {
            return analyzer.analyze(task.file(), CueSheets.lookup(task.file()), alongside);
        } catch (CancellationException e) {
            throw new PipelineContext.CancelledException();
        }
    }

    /** Asks for the whole release's flavours at once (one bulk request an album; later files hit the cache). */
    private boolean prefetchFlavors(GroupResult identified) {
        List<String> ids = GroupIdentification.flavorIds(identified);
        if (!ids.isEmpty()) {
            flavor.prefetch(ids);
        }
        return true;
    }

    private Flavor flavorOf(
            FlavorSource.FileFlavors flavors,
            String mbid,
            FileTask task,
            AnalyzedPassage p,
            List<ImportIssue> warnings) {
        try {
            return flavors.flavorOf(mbid, p.timing().start(), p.timing().end()).orElse(null);
        } catch (IngestException | IllegalStateException e) {
            warnings.add(warning(ErrorCode.FLAVOR_UNAVAILABLE, task, e.getMessage()));
            return null;
        }
    }

    private ImportIssue warning(ErrorCode code, FileTask task, String message) {
        return new ImportIssue(code, Severity.WARNING, task.relativePath(), message, clock.instant());
    }

    private static FileImport file(
            FileTask task,
            String sha256,
            AudioAnalysis analysis,
            FileStatus status,
            FileTags tags,
            List<PassageImport> passages,
            List<ImageImport> images,
            String duplicateOf) {
        return new FileImport(
                task.relativePath(),
                sha256,
                task.sizeBytes(),
                task.modifiedAt(),
                analysis == null ? null : analysis.format(),
                analysis == null ? -1 : analysis.durationTicks(),
                task.formatName(),
                status,
                tags,
                passages,
                images,
                duplicateOf);
    }
}
