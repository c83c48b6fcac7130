package io.wkmp.ingest.core.identify;

/** One fingerprint to look up: Chromaprint's compressed base64 string and the passage's whole seconds. */
public record FingerprintQuery(String fingerprint, int durationSeconds) {}
