package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.library.CoverArt;
import java.nio.file.Path;

/**
 * Finds an audio file's cover art: pictures embedded in its tags, saved as image files beside it, or else a
 * folder image ({@code cover.jpg}, {@code folder.jpg}, {@code front.jpg}, also .png) already there. Paths in
 * the result are relative to {@code rootFolder}. Never overwrites a file. Safe for concurrent use on different
 * files; may block on disk and on a child process. Never throws for a bad picture: it becomes a warning.
 */
public interface CoverArtSource {
    /** The cover art of {@code audioFile}, which lies inside {@code rootFolder}. */
    CoverArt coverArt(Path audioFile, Path rootFolder);

    /**
     * As {@link #coverArt(Path, Path)}; when the file and its folder have none and {@code releaseMbid} (the
     * identified release, or null) is known, a source may add the release's art from an archive.
     */
    default CoverArt coverArt(Path audioFile, Path rootFolder, String releaseMbid) {
        return coverArt(audioFile, rootFolder);
    }
}
