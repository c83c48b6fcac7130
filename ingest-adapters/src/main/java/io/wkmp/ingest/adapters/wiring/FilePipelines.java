package io.wkmp.ingest.adapters.wiring;

import io.wkmp.ingest.adapters.chromaprint.ChromaprintFingerprinter;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAttachedPictures;
import io.wkmp.ingest.adapters.ffmpeg.FfmpegAudioDecoder;
import io.wkmp.ingest.adapters.ffmpeg.FfprobeJson;
import io.wkmp.ingest.adapters.flavor.LocalFlavorAnalyzer;
import io.wkmp.ingest.adapters.services.OutsideServices;
import io.wkmp.ingest.adapters.tags.CoverArtExtractor;
import io.wkmp.ingest.adapters.tags.JaudiotaggerTagReader;
import io.wkmp.ingest.core.analysis.AudioAnalyzer;
import io.wkmp.ingest.core.params.ImportParameters;
import io.wkmp.ingest.core.params.Parameter;
import io.wkmp.ingest.core.pipeline.PendingIdentification;
import io.wkmp.ingest.core.pipeline.StandardFilePipeline;
import io.wkmp.ingest.core.port.FilePipeline;
import io.wkmp.ingest.core.port.IdentificationRedo;
import io.wkmp.ingest.core.port.IdentifierSource;
import io.wkmp.ingest.core.port.LibraryStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The per-session parts of the default wiring: a session's file pipeline (tags, analysis, identification, flavour,
 * cover art) and its redo of pending identifications, both from the session's parameters, over the engine's shared
 * decoder, fingerprinter and outside services. Offline, no outside service is called.
 */
final class FilePipelines {
    private final Path root;
    private final Clock clock;
    private final boolean offline;
    private final LibraryStore store;
    private final EngineServices services;
    private final SessionAcoustIdKeys keys;
    private final String pathVariable;
    private final FfmpegAudioDecoder decoder;
    private final ChromaprintFingerprinter fingerprinter;
    private final JaudiotaggerTagReader tags;
    private final LocalFlavorAnalyzer localFlavor;
    private final CoverArtExtractor coverArt;

    /** @param pathVariable the PATH searched for the Essentia extractor */
    FilePipelines(
            Path root,
            Clock clock,
            boolean offline,
            LibraryStore store,
            EngineServices services,
            SessionAcoustIdKeys keys,
            String pathVariable,
            FfmpegAudioDecoder decoder,
            FfprobeJson probe,
            ChromaprintFingerprinter fingerprinter) {
        this.root = root;
        this.clock = clock;
        this.offline = offline;
        this.store = store;
        this.services = services;
        this.keys = keys;
        this.pathVariable = pathVariable;
        this.decoder = decoder;
        this.fingerprinter = fingerprinter;
        this.tags = new JaudiotaggerTagReader(probe);
        this.localFlavor = new LocalFlavorAnalyzer(decoder);
        this.coverArt = new CoverArtExtractor(new FfmpegAttachedPictures(probe, "ffmpeg"));
    }

    /** The file pipeline of a session with {@code params}. */
    FilePipeline pipeline(ImportParameters params) {
        AudioAnalyzer analyzer = new AudioAnalyzer(decoder, fingerprinter, params.analysis());
        if (offline) {
            return new StandardFilePipeline(
                    tags, analyzer, IdentifierSource.OFFLINE, localFlavor, coverArt, root, clock);
        }
        OutsideServices s = services.of(params);
        s.newRun(); // called once per import: a service found dead before is asked again
        return new StandardFilePipeline(
                tags,
                analyzer,
                s.identifiers(params, keys::current),
                s.flavorSources(pathVariable),
                params.bool(Parameter.FETCH_COVER_ART)
                        ? coverArt.withReleaseArtwork(mbid -> EngineServices.archiveCovers(s, mbid))
                        : coverArt,
                root,
                clock);
    }

    /** The redo of pending identifications at the end of a session with {@code params}. */
    IdentificationRedo redo(ImportParameters params) {
        if (offline) {
            return IdentificationRedo.NONE;
        }
        OutsideServices s = services.of(params);
        return new PendingIdentification(store, s.identifiers(params, keys::current), s.acousticBrainz(), root);
    }
}
