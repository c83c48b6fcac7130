package io.wkmp.ingest.core.catalog;

/** A MusicBrainz work (the composition a recording performs). */
public record Work(String workMbid, String title) {}
