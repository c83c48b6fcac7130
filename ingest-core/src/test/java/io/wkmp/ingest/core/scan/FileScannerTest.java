package io.wkmp.ingest.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.error.CriticalIngestException;
import io.wkmp.ingest.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScannerTest {
    private static final byte[] MP3_FRAME = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0};

    @TempDir
    Path root;

    @Test
    void findsAudioByContentInNestedFoldersAndRejectsImpostors() throws Exception {
        write("Artist/Album (2001)/01 - One.flac", bytes("fLaC\0\0\0\"")); // "
        write("Artist/Album (2001)/CD2/02 - Two.mp3", concat(id3(300), MP3_FRAME));
        write("Artist/raw.MP3", MP3_FRAME);
        write("Artist/mislabelled.flac", MP3_FRAME);
        write("Artist/voice.opus", ogg("OpusHead"));
        write("Artist/vorbis.ogg", ogg("\u0001vorbis"));
        write("Artist/x.m4a", concat(new byte[] {0, 0, 0, 0x20}, bytes("ftypM4A ")));
        write("Artist/y.wav", concat(bytes("RIFF"), new byte[4], bytes("WAVE")));
        write("Artist/z.aiff", concat(bytes("FORM"), new byte[4], bytes("AIFF")));
        write("notes/readme.txt", bytes("not audio"));
        write("notes/fake.mp3", bytes("just some text, not an mp3"));
        write("notes/empty.flac", new byte[0]);
        write(".hidden/secret.mp3", MP3_FRAME);
        write("Artist/.ghost.mp3", MP3_FRAME);
        write("Thumbs.db", MP3_FRAME);
        write("Quote's \"$HOME\" – Ünïcödé/Song \"1\" $x.mp3", MP3_FRAME);

        ScanResult r = new FileScanner(root).scan(root);

        assertThat(r.accepted())
                .extracting(ScannedFile::relativePath)
                .containsExactly(
                        "Artist/Album (2001)/01 - One.flac",
                        "Artist/Album (2001)/CD2/02 - Two.mp3",
                        "Artist/mislabelled.flac",
                        "Artist/raw.MP3",
                        "Artist/voice.opus",
                        "Artist/vorbis.ogg",
                        "Artist/x.m4a",
                        "Artist/y.wav",
                        "Artist/z.aiff",
                        "Quote's \"$HOME\" – Ünïcödé/Song \"1\" $x.mp3");
        assertThat(r.accepted())
                .extracting(ScannedFile::kind)
                .containsExactly(
                        AudioKind.FLAC,
                        AudioKind.MP3,
                        AudioKind.MP3,
                        AudioKind.MP3,
                        AudioKind.OPUS,
                        AudioKind.OGG_VORBIS,
                        AudioKind.MP4,
                        AudioKind.WAV,
                        AudioKind.AIFF,
                        AudioKind.MP3);
        ScannedFile mislabelled = r.accepted().get(2);
        assertThat(mislabelled.extensionMismatch()).isTrue();
        assertThat(r.accepted().get(0).extensionMismatch()).isFalse();
        assertThat(r.rejected())
                .extracting(RejectedFile::relativePath)
                .containsExactly("notes/empty.flac", "notes/fake.mp3");
        assertThat(r.rejected().get(0).reason()).contains("empty");
        assertThat(r.rejected().get(1).reason()).contains("not audio");
    }

    @Test
    void neverFollowsLinksSoALoopEndsAndALinkedFileIsRejected() throws Exception {
        Path real = write("a/real.mp3", MP3_FRAME);
        Files.createSymbolicLink(root.resolve("a/link.mp3"), real);
        Files.createSymbolicLink(root.resolve("a/loop"), root);
        Files.createSymbolicLink(root.resolve("a/dirlink"), root.resolve("a"));

        ScanResult r = new FileScanner(root).scan(Path.of("a"));

        assertThat(r.accepted()).extracting(ScannedFile::relativePath).containsExactly("a/real.mp3");
        assertThat(r.rejected()).extracting(RejectedFile::relativePath).containsExactly("a/link.mp3");
        assertThat(r.rejected().get(0).reason()).contains("symbolic link");
    }

    /**
     * Tests run as root, so chmod 000 would not make a file unreadable. A fifo named like audio is a real
     * unreadable case (opening it would block forever) and a directory named x.mp3 must be walked, not read.
     */
    @Test
    void fifosAreRejectedWithoutOpeningThemAndDirectoriesNamedLikeAudioAreWalked() throws Exception {
        Path fifo = root.resolve("pipe.mp3");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        write("x.mp3/inner.mp3", MP3_FRAME);

        ScanResult r = new FileScanner(root).scan(root);

        assertThat(r.accepted()).extracting(ScannedFile::relativePath).containsExactly("x.mp3/inner.mp3");
        assertThat(r.rejected()).singleElement().satisfies(f -> {
            assertThat(f.relativePath()).isEqualTo("pipe.mp3");
            assertThat(f.code()).isEqualTo(ErrorCode.FILE_UNREADABLE);
            assertThat(f.reason()).contains("not a regular file");
        });
    }

    @Test
    void refusesBadRootsAndFoldersOutsideTheRoot(@TempDir Path elsewhere) throws Exception {
        assertThatThrownBy(() -> new FileScanner(root.resolve("missing")))
                .isInstanceOf(CriticalIngestException.class)
                .hasMessageContaining("does not exist");
        Path file = write("file.txt", bytes("x"));
        assertThatThrownBy(() -> new FileScanner(file)).isInstanceOf(CriticalIngestException.class);
        FileScanner scanner = new FileScanner(root);
        assertThatThrownBy(() -> scanner.scan(elsewhere))
                .isInstanceOf(CriticalIngestException.class)
                .hasMessageContaining("outside the root")
                .satisfies(e -> assertThat(((CriticalIngestException) e).code()).isEqualTo(ErrorCode.INVALID_ROOT));
        assertThatThrownBy(() -> scanner.scan(Path.of("../"))).isInstanceOf(CriticalIngestException.class);
    }

    private Path write(String rel, byte[] content) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            int n = out.length;
            out = Arrays.copyOf(out, n + p.length);
            System.arraycopy(p, 0, out, n, p.length);
        }
        return out;
    }

    private static byte[] id3(int size) {
        byte[] h = new byte[10 + size];
        System.arraycopy(bytes("ID3"), 0, h, 0, 3);
        h[3] = 4;
        h[8] = (byte) (size >> 7);
        h[9] = (byte) (size & 0x7f);
        return h;
    }

    private static byte[] ogg(String packetStart) {
        byte[] h = new byte[64];
        System.arraycopy(bytes("OggS"), 0, h, 0, 4);
        byte[] p = bytes(packetStart);
        System.arraycopy(p, 0, h, 28, p.length);
        return h;
    }
}
