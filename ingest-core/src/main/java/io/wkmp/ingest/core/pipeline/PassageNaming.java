package io.wkmp.ingest.core.pipeline;

import io.wkmp.ingest.core.analysis.AnalyzedPassage;
import io.wkmp.ingest.core.catalog.ArtistCredit;
import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.tags.FileTags;
import java.util.List;

/**
 * The title, artist and album a passage row shows: the identified recording's where there is one, else
 * the cue sheet's, else the tags' (for a file of one passage only; several passages of one file must not
 * all carry the file's title).
 */
final class PassageNaming {
    private PassageNaming() {}

    static String title(PassageResult r, AnalyzedPassage p, FileTags tags, boolean singlePassage) {
        if (r != null && r.recording().isPresent()) {
            return r.recording().get().title();
        }
        if (p.cueTrack() != null && p.cueTrack().title() != null) {
            return p.cueTrack().title();
        }
        return singlePassage ? tags.title() : null;
    }

    static String artist(PassageResult r, AnalyzedPassage p, FileTags tags) {
        if (r != null && r.recording().isPresent()) {
            return credit(r.recording().get());
        }
        if (p.cueTrack() != null && p.cueTrack().performer() != null) {
            return p.cueTrack().performer();
        }
        return tags.artist() != null ? tags.artist() : tags.albumArtist();
    }

    /** "A feat. B" from an artist credit, as MusicBrainz writes it. */
    static String credit(Recording r) {
        List<ArtistCredit> credits = r.artists();
        StringBuilder b = new StringBuilder();
        for (ArtistCredit c : credits) {
            b.append(c.name()).append(c.joinPhrase() == null ? "" : c.joinPhrase());
        }
        return b.length() == 0 ? null : b.toString();
    }
}
