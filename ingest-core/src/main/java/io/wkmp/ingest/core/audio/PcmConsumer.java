package io.wkmp.ingest.core.audio;

/**
 * Receives one file's decoded audio in order, as Chromaprint's consumers do: {@code start}, then
 * blocks, then {@code finish}. One instance per file; not thread-safe.
 */
public interface PcmConsumer {
    /** Called once before the first block. */
    default void start(AudioFormat format) {}

    /** Called for each block in stream order; must not keep {@code block} beyond the call. */
    void accept(PcmBlock block);

    /** Called once after the last block (not after a failed or cancelled decode). */
    default void finish() {}
}
