package io.wkmp.ingest.core.identify;

import io.wkmp.ingest.core.catalog.Recording;
import io.wkmp.ingest.core.catalog.Release;
import io.wkmp.ingest.core.catalog.Track;
import io.wkmp.ingest.core.error.ErrorCode;
import io.wkmp.ingest.core.error.LookupUnavailableException;
import io.wkmp.ingest.core.port.MusicBrainzService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MusicBrainz as a map in the test's process: the releases and recordings it knows, the hits its searches return,
 * and a log of every call (so a test can count the requests a decision cost). Not thread-safe.
 */
final class InProcessMusicBrainz implements MusicBrainzService {
    private final Map<String, Release> releases = new HashMap<>();
    private final Map<String, Recording> recordings = new HashMap<>();
    private final List<SearchHit> releaseHits = new ArrayList<>();
    private final List<SearchHit> recordingHits = new ArrayList<>();
    /** Every call, as "lookupRelease <id>", "searchReleases <album>", ... */
    final List<String> calls = new ArrayList<>();

    private boolean down;

    /** Knows {@code r} and its tracks' recordings; returns it from release searches for its title. */
    InProcessMusicBrainz release(Release r) {
        releases.put(r.releaseMbid(), r);
        r.tracks().stream().map(Track::recording).forEach(rec -> recordings.put(rec.recordingMbid(), rec));
        releaseHits.add(new SearchHit(
                r.releaseMbid(),
                r.title(),
                ContextualMatcher.creditText(r.artists()),
                r.tracks().size(),
                -1,
                100));
        return this;
    }

    /** A release search hit (returned when its title is the album searched for), whether or not the release is known. */
    InProcessMusicBrainz releaseHit(SearchHit hit) {
        releaseHits.add(hit);
        return this;
    }

    /** Knows {@code rec} on its own (no release). */
    InProcessMusicBrainz recording(Recording rec) {
        recordings.put(rec.recordingMbid(), rec);
        return this;
    }

    /** A recording search hit (returned for any artist and title). */
    InProcessMusicBrainz recordingHit(SearchHit hit) {
        recordingHits.add(hit);
        return this;
    }

    /** Every later call fails as a service that cannot answer. */
    InProcessMusicBrainz down() {
        this.down = true;
        return this;
    }

    long lookups() {
        return calls.stream().filter(c -> c.startsWith("lookup")).count();
    }

    @Override
    public List<SearchHit> searchRecordings(String artist, String title, long durationMs) {
        call("searchRecordings " + artist + " / " + title);
        return List.copyOf(recordingHits);
    }

    @Override
    public List<SearchHit> searchReleases(String artist, String release, int trackCount) {
        call("searchReleases " + release);
        return releaseHits.stream()
                .filter(h -> h.title().equalsIgnoreCase(release))
                .toList();
    }

    @Override
    public Optional<Release> lookupRelease(String releaseMbid) {
        call("lookupRelease " + releaseMbid);
        return Optional.ofNullable(releases.get(releaseMbid));
    }

    @Override
    public Optional<Recording> lookupRecording(String recordingMbid) {
        call("lookupRecording " + recordingMbid);
        return Optional.ofNullable(recordings.get(recordingMbid));
    }

    private void call(String what) {
        if (down) {
            throw new LookupUnavailableException(ErrorCode.MBID_LOOKUP_FAILED, "MusicBrainz did not answer", null);
        }
        calls.add(what);
    }
}
