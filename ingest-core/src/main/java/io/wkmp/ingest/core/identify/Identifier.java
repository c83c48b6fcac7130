package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.identification.GroupResult;
import io.wkmp.ingest.core.identification.IdentificationGroup;
import io.wkmp.ingest.core.identification.PassageEvidence;
import io.wkmp.ingest.core.identification.PassageResult;
import io.wkmp.ingest.core.identify.TrackAligner.Alignment;
import io.wkmp.ingest.core.identify.TrackAligner.Via;
import io.wkmp.ingest.core.params.Decisions;
import io.wkmp.ingest.core.port.AcoustIdMatch;
import io.wkmp.ingest.core.port.AcoustIdService;
import io.wkmp.ingest.core.port.FingerprintQuery;
import io.wkmp.ingest.core.port.MusicBrainzService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Identifies a group of passages together (album-level reasoning): one batched AcoustID lookup for the
 * whole group, a vote on the releases the fingerprints share (tag release ids break ties; without
 * fingerprint evidence a release search by album artist, album and track count), ONE release lookup for
 * the album (a second only when the first does not fit), passages aligned to its tracks, and each passage
 * decided on its own: scored by the spec's single- or multi-segment formula, the release context raising or
 * lowering its confidence, its own strong fingerprint deciding over both ({@link PassageAssessor}); a passage on
 * no track of the release is identified by its own fingerprint or left alone. Offline, AcoustID skipped, or a
 * service down: every passage is PENDING with the reason, never an exception. Thread-safe.
 *
 * <p>{@link AcoustIdService.InvalidApiKeyException} is the one failure that escapes: the session must pause
 * and ask for a key or for skipping AcoustID (spec AIA-SEC-030), then identify the group again.
 */
public final class Identifier {
    /** AcoustID score below which a candidate counts for nothing. */
    static final double MIN_FINGERPRINT_SCORE = 0.5;
    /** AcoustID score at which a fingerprint outweighs a contradicting tag. */
    static final double STRONG_FINGERPRINT_SCORE = 0.8;

    static final int MAX_RELEASE_LOOKUPS = 2;
    static final int MAX_RECORDING_LOOKUPS = 4;
    private static final System.Logger LOG = System.getLogger(Identifier.class.getName());

    private final Optional<AcoustIdService> acoustId;
    private final MusicBrainzService musicBrainz;
    private final PassageAssessor assessor;
    private final ReleaseChooser chooser;
    private final ReleaseFit fit;

    /** @param acoustId empty when AcoustID is skipped for the session (no key, or the user chose to skip) */
    public Identifier(Optional<AcoustIdService> acoustId, MusicBrainzService musicBrainz, Decisions decisions) {
        this.acoustId = acoustId;
        this.musicBrainz = musicBrainz;
        ContextualMatcher matcher = new ContextualMatcher(musicBrainz, decisions);
        this.assessor = new PassageAssessor(decisions);
        this.chooser = new ReleaseChooser(musicBrainz, matcher);
        this.fit = new ReleaseFit(matcher, assessor);
    }

    /** One result per passage of {@code group}, in order, and the release they were matched to. */
    public GroupResult identify(IdentificationGroup group) {
        List<PassageEvidence> ps = group.passages();
        boolean anyFingerprint = ps.stream().anyMatch(p -> p.fingerprint() != null);
        List<List<AcoustIdMatch>> matches;
        if (acoustId.isEmpty() && anyFingerprint) {
            return pending(
                    ps,
                    ErrorCode.ACOUSTID_INVALID_KEY,
                    "identification pending: AcoustID is skipped for this session (no API key)");
        }
        // the service's message is the reason (e.g. "AcoustID did not answer within 30 s (url); not asked again for
        // 5 min"): the same text for every group a dead service leaves pending, so a summary can count them together
        try {
            matches = fingerprintMatches(ps);
        } catch (LookupUnavailableException e) {
            return pending(ps, e.code(), "identification pending: " + e.getMessage());
        }
        try {
            return identifyWith(group, matches);
        } catch (LookupUnavailableException e) {
            return pending(ps, e.code(), "identification pending: " + e.getMessage());
        }
    }

    private List<List<AcoustIdMatch>> fingerprintMatches(List<PassageEvidence> ps) {
        List<List<AcoustIdMatch>> out = new ArrayList<>();
        List<FingerprintQuery> queries = new ArrayList<>();
        for (PassageEvidence p : ps) {
            out.add(List.of());
            if (p.fingerprint() != null) {
                queries.add(FingerprintQuery.of(p.fingerprint(), p.seconds()));
            }
        }
        if (queries.isEmpty()) {
            return out;
        }
        List<List<AcoustIdMatch>> answers = acoustId.orElseThrow().lookup(queries);
        int q = 0;
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).fingerprint() != null) {
                out.set(i, answers.get(q++));
            }
        }
        return out;
    }

    /**
     * Decides passage by passage. The release the group's fingerprints vote for places each passage on a track;
     * a passage whose own strong fingerprint names another recording than its track's, or that matches no track
     * (a hidden track, a pregap, a bonus track), is identified on its own (its own AcoustID result) or left
     * unidentified, and its siblings keep their decisions. The release and the file's structure raise or lower a
     * passage's confidence; they never overrule its own strong fingerprint.
     */
    private GroupResult identifyWith(IdentificationGroup group, List<List<AcoustIdMatch>> matches) {
        List<PassageEvidence> ps = group.passages();
        List<String> why = new ArrayList<>();
        Optional<Alignment> chosen = chooser.choose(ps, matches, why);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Track t = chosen.isPresent() ? chosen.get().tracks().get(i) : null;
            Optional<AcoustIdMatch> strong = assessor.strongMatch(matches.get(i));
            if (t != null
                    && strong.isPresent()
                    && (t.recording() == null
                            || !strong.get()
                                    .recordingMbid()
                                    .equals(t.recording().recordingMbid()))) {
                t = null;
            }
            tracks.add(t);
        }
        boolean multi = chosen.isPresent() && group.multiSegment();
        PassageAssessor.FileContext file = multi ? fit.fileContext(group, chosen.get(), tracks, matches, why) : null;
        double context = !multi && chosen.isPresent() && ps.size() >= 2 ? fit.releaseScore(chosen.get(), ps) : 0;
        List<PassageResult> out = new ArrayList<>();
        int recordingLookups = 0;
        for (int i = 0; i < ps.size(); i++) {
            PassageEvidence p = ps.get(i);
            List<String> reasons = new ArrayList<>(why);
            Track t = tracks.get(i);
            if (t != null) {
                if (p.fingerprint() != null && matches.get(i).isEmpty()) {
                    reasons.add("AcoustID knows no recording with this fingerprint");
                }
                reasons.add("aligned to track " + t.number() + " \"" + t.title() + "\" by " + via(chosen.get(), i));
                out.add(
                        multi
                                ? assessor.segment(p, t.recording(), t, matches.get(i), file, reasons)
                                : assessor.single(p, t.recording(), Optional.of(t), matches.get(i), context, reasons));
                continue;
            }
            Optional<AcoustIdMatch> top = matches.get(i).stream().findFirst();
            if (top.isPresent()
                    && top.get().score() >= STRONG_FINGERPRINT_SCORE
                    && recordingLookups < MAX_RECORDING_LOOKUPS) {
                recordingLookups++;
                Optional<Recording> rec = musicBrainz.lookupRecording(top.get().recordingMbid());
                if (rec.isPresent()) {
                    reasons.add(
                            chosen.isPresent() && chosen.get().tracks().get(i) != null
                                    ? String.format(
                                            "its fingerprint matches %s (%.2f), not track %s of the chosen release:"
                                                    + " identified on its own by fingerprint",
                                            top.get().recordingMbid(),
                                            top.get().score(),
                                            chosen.get().tracks().get(i).number())
                                    : "not on the chosen release; identified on its own by fingerprint");
                    out.add(assessor.single(p, rec.get(), Optional.empty(), matches.get(i), 0, reasons));
                    continue;
                }
            }
            reasons.add(
                    p.fingerprint() == null
                            ? "no fingerprint, and no track of a release matches"
                            : matches.get(i).isEmpty()
                                    ? "AcoustID knows no recording with this fingerprint, and no release track matches"
                                    : "fingerprint candidates too weak, and no release track matches");
            out.add(assessor.unmatched(reasons));
        }
        return new GroupResult(chosen.map(Alignment::release), out);
    }

    private static String via(Alignment a, int i) {
        Via v = a.via().get(i);
        return v == Via.FINGERPRINT ? "fingerprint" : v == Via.TRACK_NUMBER ? "track number" : "order";
    }

    private static GroupResult pending(List<PassageEvidence> ps, ErrorCode cause, String why) {
        LOG.log(System.Logger.Level.INFO, why);
        return GroupResult.pending(ps.size(), cause, why);
    }
}
