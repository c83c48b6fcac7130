package io.wkmp.ingest.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.error.FileRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    @TempDir
    Path dir;

    @Test
    void hashesContentInChunksLikeSha256sum() throws Exception {
        assertThat(ContentHash.sha256(Files.writeString(dir.resolve("abc"), "abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] big = new byte[3 * (1 << 20) + 17];
        Path f = Files.write(dir.resolve("big"), big);
        Process p = new ProcessBuilder("sha256sum", f.toString()).start();
        String expected = new String(p.getInputStream().readAllBytes()).split(" ")[0];
        assertThat(ContentHash.sha256(f)).isEqualTo(expected);
        assertThatThrownBy(() -> ContentHash.sha256(dir.resolve("missing"))).isInstanceOf(FileRejectedException.class);
    }
}
