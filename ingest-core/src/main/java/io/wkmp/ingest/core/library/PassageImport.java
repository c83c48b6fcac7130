package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.amplitude.AmplitudeSummary;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.flavor.Flavor;
import io.wkmp.ingest.core.identification.Identification;
import io.wkmp.ingest.core.passage.PassageTiming;

/**
 * One passage of a file, ready to write.
 *
 * @param fingerprint Chromaprint's compressed fingerprint, null when the passage was not fingerprintable
 * @param recording the identified recording's details (ACCEPT/REVIEW), else null
 * @param release the release the passage was matched to, else null
 * @param flavor musical flavor, else null
 * @param amplitude levels and parameters of the amplitude analysis, else null
 */
public record PassageImport(
        PassageTiming timing,
        String title,
        String artist,
        String album,
        String fingerprint,
        Identification identification,
        Recording recording,
        Release release,
        Flavor flavor,
        AmplitudeSummary amplitude) {}
