package io.wkmp.ingest.core.port;

import io.wkmp.ingest.core.audio.AudioFormat;
import io.wkmp.ingest.core.audio.PcmConsumer;
import java.nio.file.Path;

/**
 * Decodes a file to interleaved 16-bit PCM at its native rate and channel count, streaming (never the
 * whole file in memory). Safe for concurrent use on different files. Decoding stops promptly when the
 * calling thread is interrupted, and no child process outlives the call.
 *
 * @throws io.wkmp.ingest.core.error.FileRejectedException DECODE_ERROR or UNSUPPORTED_FORMAT
 */
public interface AudioDecoder {
    /** The stream a decode would produce, without decoding. */
    AudioFormat probe(Path file);

    /** Pushes the whole stream to {@code sink}: start, blocks in order, finish. */
    void decode(Path file, PcmConsumer sink);
}
