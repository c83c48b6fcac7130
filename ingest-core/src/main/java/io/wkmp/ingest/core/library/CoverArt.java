package io.wkmp.ingest.core.library;

import io.wkmp.ingest.core.error.AnalysisWarning;
import java.util.List;

/**
 * The cover images found for one audio file and the problems met (COVER_ART_INVALID warnings).
 *
 * @param images images to record in {@code images}, in the order found; empty when there are none
 */
public record CoverArt(List<ImageImport> images, List<AnalysisWarning> warnings) {
    public CoverArt {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }
}
