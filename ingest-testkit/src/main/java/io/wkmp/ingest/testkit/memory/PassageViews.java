package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.IdentificationUpdate;
import io.wkmp.ingest.core.library.PassageImport;
import io.wkmp.ingest.core.library.PendingPassage;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.library.UserDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored passages of the in-memory store as the redo and the review read them. A passage's guid is {@code
 * <path>#<index>}, its index the position in its file's result.
 */
final class PassageViews {
    private PassageViews() {}

    static String guid(String relativePath, int index) {
        return relativePath + "#" + index;
    }

    /** The file path of a passage guid, or empty when it is not one. */
    static Optional<String> pathOf(String passageGuid) {
        int hash = passageGuid.lastIndexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(passageGuid.substring(0, hash));
    }

    /** The passage index of a guid {@link #pathOf} recognised, or -1 when it is not a number. */
    static int indexOf(String passageGuid) {
        try {
            return Integer.parseInt(passageGuid.substring(passageGuid.lastIndexOf('#') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The PENDING passages of {@code f}, in its order. */
    static List<PendingPassage> pending(FileImport f) {
        List<PendingPassage> out = new ArrayList<>();
        for (int i = 0; i < f.passages().size(); i++) {
            PassageImport p = f.passages().get(i);
            if (p.identification() != null && p.identification().decision() == Decision.PENDING) {
                out.add(new PendingPassage(
                        guid(f.relativePath(), i),
                        f.relativePath(),
                        i,
                        f.passages().size(),
                        p.timing(),
                        p.title(),
                        p.artist(),
                        p.album(),
                        p.fingerprint(),
                        f.tags()));
            }
        }
        return out;
    }

    /** {@code f} with passage {@code index} identified as {@code u} says (its flavor kept when {@code u} has none). */
    static FileImport identified(FileImport f, int index, IdentificationUpdate u) {
        List<PassageImport> ps = new ArrayList<>(f.passages());
        PassageImport p = ps.get(index);
        ps.set(
                index,
                new PassageImport(
                        p.timing(),
                        p.title(),
                        p.artist(),
                        p.album(),
                        p.fingerprint(),
                        u.identification(),
                        u.recording(),
                        u.release(),
                        u.flavor() != null ? u.flavor() : p.flavor(),
                        p.amplitude()));
        return new FileImport(
                f.relativePath(),
                f.sha256(),
                f.sizeBytes(),
                f.modifiedAt(),
                f.format(),
                f.durationTicks(),
                f.formatName(),
                f.status(),
                f.tags(),
                ps,
                f.images(),
                f.duplicateOfPath(),
                f.waveform());
    }

    /** Passage {@code index} of {@code f} for the review; a person's decision ({@code user}, or null) wins. */
    static ReviewPassage review(FileImport f, int index, UserDecision user) {
        PassageImport p = f.passages().get(index);
        var id = p.identification();
        Decision decision = user != null ? user.decision() : id == null ? null : id.decision();
        String mbid = user != null ? user.recordingMbid() : id == null ? null : id.recordingMbid();
        var evidence = id == null ? null : id.evidence();
        return new ReviewPassage(
                guid(f.relativePath(), index),
                f.relativePath(),
                p.timing(),
                p.title(),
                p.artist(),
                p.album(),
                f.tags(),
                decision,
                id == null || !Double.isFinite(id.confidence()) ? null : id.confidence(),
                mbid,
                evidence == null ? List.of() : evidence.breakdown(),
                evidence == null ? List.of() : evidence.reasons(),
                evidence == null ? List.of() : evidence.candidates(),
                user);
    }
}
