package io.wkmp.ingest.core.cue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wkmp.ingest.core.time.Ticks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, encodings and lookup of cue sheets (no audio needed). */
class CueSheetTest {
    static final String EAC = """
            REM GENRE Rock
            REM DATE 1980
            REM COMMENT "ExactAudioCopy v1.6"
            PERFORMER "Motörhead"
            TITLE "Ace of Spades"
            FILE "Motörhead - Ace of Spades.wav" WAVE
              TRACK 01 AUDIO
                TITLE "Ace of Spades"
                PERFORMER "Motörhead"
                INDEX 01 00:00:00
              TRACK 02 AUDIO
                TITLE "Love Me Like a Reptile"
                INDEX 00 02:49:05
                INDEX 01 02:51:10
              TRACK 03 AUDIO
                TITLE "Shoot You in the Back"
                FLAGS DCP
                INDEX 01 06:14:74
            """;

    @TempDir
    Path dir;

    @Test
    void readsAlbumAndTracksWithExactTicks() {
        CueSheet cue = CueSheet.parse(EAC);
        assertThat(cue.title()).isEqualTo("Ace of Spades");
        assertThat(cue.performer()).isEqualTo("Motörhead");
        assertThat(cue.tracks()).extracting(CueTrack::number).containsExactly(1, 2, 3);
        assertThat(cue.tracks())
                .extracting(CueTrack::title)
                .containsExactly("Ace of Spades", "Love Me Like a Reptile", "Shoot You in the Back");
        assertThat(cue.tracks()).extracting(CueTrack::performer).containsExactly("Motörhead", null, null);
        CueTrack two = cue.tracks().get(1);
        assertThat(two.index01()).isEqualTo((2 * 60 + 51) * 75 + 10);
        assertThat(two.index00()).isEqualTo((2 * 60 + 49) * 75 + 5);
        // 2:51 + 10/75 s = 171.1333.. s; 10 frames = 3,763,200 ticks exactly
        assertThat(two.startTicks()).isEqualTo(171 * Ticks.PER_SECOND + 10 * 376_320L);
        assertThat(Ticks.toSamples(two.startTicks(), 44_100)).isEqualTo(171 * 44_100L + 10 * 588);
        assertThat(CueTrack.format(cue.tracks().get(2).index01())).isEqualTo("06:14:74");
    }

    @ParameterizedTest
    @CsvSource({
        "Motörhead - Ace of Spades.wav, Motörhead - Ace of Spades.flac, true",
        "Motörhead - Ace of Spades.wav, MOTÖRHEAD - ACE OF SPADES.WAV, true",
        "C:\\Rips\\album.wav, album.flac, true",
        "sub/album.flac, album.flac, true",
        "album.flac, album (bonus).flac, false",
        "album, album.flac, true",
        "cd1.flac, cd2.flac, false"
    })
    void aFileLineNamesTheAudioByNameOrStemIgnoringCase(String cueFile, String audio, boolean names) {
        assertThat(CueSheet.names(cueFile, audio)).isEqualTo(names);
    }

    @Test
    void latin1AndWindows1252AndUtf8WithBomAreDecoded() {
        byte[] latin1 = EAC.getBytes(Charset.forName("ISO-8859-1"));
        assertThat(CueSheet.parse(latin1).performer()).isEqualTo("Motörhead");
        byte[] cp1252 = EAC.replace("Ace of Spades\"\nFILE", "Ace of Spades – Live\"\nFILE")
                .getBytes(Charset.forName("windows-1252"));
        assertThat(CueSheet.parse(cp1252).title()).isEqualTo("Ace of Spades – Live");
        byte[] utf8 = EAC.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(CueSheet.parse(bom).performer()).isEqualTo("Motörhead");
        assertThat(CueSheet.parse(utf8).tracks().get(0).file()).isEqualTo("Motörhead - Ace of Spades.wav");
        byte[] utf16 = ("\uFEFF" + EAC.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE);
        assertThat(CueSheet.parse(utf16).performer()).isEqualTo("Motörhead");
    }

    @Test
    void tracksAreTakenFromTheFileTheyLieInAndDataTracksAreLeftOut() {
        CueSheet cue = CueSheet.parse("""
                FILE "a.flac" WAVE
                TRACK 01 AUDIO
                INDEX 01 00:00:00
                TRACK 02 AUDIO
                INDEX 01 03:00:00
                FILE "b.flac" WAVE
                TRACK 03 AUDIO
                INDEX 01 00:00:00
                TRACK 04 MODE1/2352
                INDEX 01 04:00:00
                """);
        assertThat(cue.tracksFor("a.flac")).extracting(CueTrack::number).containsExactly(1, 2);
        assertThat(cue.tracksFor("B.FLAC")).extracting(CueTrack::number).containsExactly(3);
        assertThat(cue.files()).containsExactly("a.flac", "b.flac");
        assertThat(cue.describes("c.flac")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TRACK 01 AUDIO\\nINDEX 01 00:00:00                           | TRACK before any FILE
            FILE "a.wav" WAVE\\nTRACK 01 AUDIO\\nTITLE "x"               | has no INDEX 01
            FILE "a.wav" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 00:61:00       | out of range
            FILE "a.wav" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 1:2            | malformed time
            FILE "a.wav" WAVE\\nTRACK 01 AUDIO\\nINDEX 01 00:00:75       | out of range
            FILE "a.wav" WAVE                                            | no audio TRACK
            hello world                                                  | no audio TRACK
            FILE "a.wav" WAVE\\nINDEX 01 00:00:00                        | INDEX outside a TRACK
            """)
    void brokenSheetsAreRejectedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> CueSheet.parse(text.replace("\\n", "\n")))
                .isInstanceOf(CueSheetException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void binaryGarbageIsNotACueSheet() {
        byte[] junk = new byte[512];
        new java.util.Random(3).nextBytes(junk);
        assertThatThrownBy(() -> CueSheet.parse(junk)).isInstanceOf(CueSheetException.class);
    }

    @Test
    void lookupPrefersTheSameStemThenAnySheetNamingTheFile() throws Exception {
        Path audio = Files.writeString(dir.resolve("Album.flac"), "x");
        assertThat(CueSheets.lookup(audio)).isEqualTo(CueLookup.NONE);

        Files.writeString(dir.resolve("other.cue"), EAC.replace("Motörhead - Ace of Spades.wav", "Album.wav"));
        assertThat(CueSheets.find(audio))
                .hasValueSatisfying(c -> assertThat(c.tracks()).hasSize(3));
        assertThat(CueSheets.lookup(audio).source()).isEqualTo(dir.resolve("other.cue"));

        Files.writeString(
                dir.resolve("album.CUE"), "FILE \"something else.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\n");
        CueLookup mismatched = CueSheets.lookup(audio);
        assertThat(mismatched.source()).isEqualTo(dir.resolve("other.cue"));
        assertThat(mismatched.problems()).singleElement().asString().contains("does not name Album.flac");

        Files.writeString(dir.resolve("album.CUE"), "FILE \"Album.flac\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\n");
        assertThat(CueSheets.lookup(audio).source()).isEqualTo(dir.resolve("album.CUE"));
        assertThat(CueSheets.lookup(audio).problems()).isEmpty();
    }

    @Test
    void aBrokenSameStemSheetIsAProblemAndNoSheet() throws Exception {
        Path audio = Files.writeString(dir.resolve("live.flac"), "x");
        Files.writeString(dir.resolve("live.cue"), "FILE \"live.flac\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:xx:00\n");
        Files.writeString(dir.resolve("unrelated.cue"), "garbage");
        CueLookup lookup = CueSheets.lookup(audio);
        assertThat(lookup.sheetValue()).isEmpty();
        assertThat(lookup.problems())
                .singleElement()
                .asString()
                .startsWith("live.cue: cue sheet line 3: malformed time");
    }
}
