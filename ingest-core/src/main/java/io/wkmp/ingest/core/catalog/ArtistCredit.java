package io.wkmp.ingest.core.catalog;

/** One artist of a credit: MusicBrainz artist id, credited name, join phrase (" feat. ", " & "). */
public record ArtistCredit(String artistMbid, String name, String joinPhrase) {}
