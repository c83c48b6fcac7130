package io.wkmp.ingest.core.library;

/** One line of a file listing: a file's relative path, status and passage count. */
public record FileSummary(String relativePath, String status, long durationTicks, int passageCount) {}
