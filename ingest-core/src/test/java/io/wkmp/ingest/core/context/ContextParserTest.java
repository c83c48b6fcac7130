package io.wkmp.ingest.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real-world shaped paths, relative to the root; '~' is "unknown" (null). */
class ContextParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            # path                                                          | artist            | album                     | title                          | track | disc | year
            01 - Title.flac                                                 | ~                 | ~                         | Title                          | 1     | ~    | ~
            Artist - Title.mp3                                              | Artist            | ~                         | Title                          | ~     | ~    | ~
            03 - Artist - Title.mp3                                         | Artist            | ~                         | Title                          | 3     | ~    | ~
            Pink Floyd/The Wall (1979)/05 Another Brick in the Wall.flac   | Pink Floyd        | The Wall                  | Another Brick in the Wall      | 5     | ~    | 1979
            Pink Floyd/The Wall (1979)/CD1/05 Mother.flac                   | Pink Floyd        | The Wall                  | Mother                         | 5     | 1    | 1979
            Pink Floyd/The Wall (1979)/Disc 2/03 - Hey You.flac             | Pink Floyd        | The Wall                  | Hey You                        | 3     | 2    | 1979
            Artist/Album/Disc 2 - Live at Wembley/07 Song.flac              | Artist            | Album                     | Song                           | 7     | 2    | ~
            Artist/Album/cd02/01 Song.mp3                                   | Artist            | Album                     | Song                           | 1     | 2    | ~
            Artist/Album/CD 3 (Bonus)/01 Song.mp3                           | Artist            | Album                     | Song                           | 1     | 3    | ~
            Artist/Album/Disc 1 of 2/04 Song.mp3                            | Artist            | Album                     | Song                           | 4     | 1    | ~
            07. Paranoid Android.mp3                                        | ~                 | ~                         | Paranoid Android               | 7     | ~    | ~
            07.Paranoid Android.mp3                                         | ~                 | ~                         | Paranoid Android               | 7     | ~    | ~
            07_Paranoid_Android.mp3                                         | ~                 | ~                         | Paranoid Android               | 7     | ~    | ~
            01_-_Radiohead_-_Airbag.mp3                                     | Radiohead         | ~                         | Airbag                         | 1     | ~    | ~
            01-radiohead-paranoid_android.mp3                               | radiohead         | ~                         | paranoid android               | 1     | ~    | ~
            01.Let.It.Be.mp3                                                | ~                 | ~                         | Let It Be                      | 1     | ~    | ~
            A1 Speak to Me.flac                                             | ~                 | ~                         | Speak to Me                    | 1     | ~    | ~
            B2 - Money.flac                                                 | ~                 | ~                         | Money                          | ~     | ~    | ~
            Pink Floyd/Dark Side (1973)/A3. Time.flac                       | Pink Floyd        | Dark Side                 | Time                           | 3     | ~    | 1973
            1-05 Heroes.m4a                                                 | ~                 | ~                         | Heroes                         | 5     | 1    | ~
            2-11 Song.m4a                                                   | ~                 | ~                         | Song                           | 11    | 2    | ~
            Artist/Album/CD2/1-05 Song.m4a                                  | Artist            | Album                     | Song                           | 5     | 2    | ~
            Just a Title.ogg                                                | ~                 | ~                         | Just a Title                   | ~     | ~    | ~
            Artist - Album - 04 - Title.mp3                                 | Artist            | Album                     | Title                          | 4     | ~    | ~
            Artist - 04 - Title.mp3                                         | Artist            | ~                         | Title                          | 4     | ~    | ~
            Beatles/1967 - Sgt. Pepper/02 With a Little Help.flac          | Beatles           | Sgt. Pepper               | With a Little Help             | 2     | ~    | 1967
            Beatles/[1969] Abbey Road/01 Come Together.flac                 | Beatles           | Abbey Road                | Come Together                  | 1     | ~    | 1969
            Beatles/(1965) Help!/07 Ticket to Ride.flac                     | Beatles           | Help!                     | Ticket to Ride                 | 7     | ~    | 1965
            Music/Rock/Queen/A Night at the Opera [1975]/11 Bohemian Rhapsody.mp3 | Queen       | A Night at the Opera      | Bohemian Rhapsody              | 11    | ~    | 1975
            Queen - A Night at the Opera (1975)/11 Bohemian Rhapsody.mp3    | Queen             | A Night at the Opera      | Bohemian Rhapsody              | 11    | ~    | 1975
            Queen - 1975 - A Night at the Opera/11 Bohemian Rhapsody.mp3    | Queen             | A Night at the Opera      | Bohemian Rhapsody              | 11    | ~    | 1975
            Queen/Queen - Innuendo/01 Innuendo.mp3                          | Queen             | Innuendo                  | Innuendo                       | 1     | ~    | ~
            Compilations/Now 42/05 - Artist feat. Guest - Song.mp3          | Artist feat. Guest| Now 42                    | Song                           | 5     | ~    | ~
            Artist/Album (2011) [FLAC]/02 Song.flac                         | Artist            | Album                     | Song                           | 2     | ~    | 2011
            Artist/Album [24bit 96kHz FLAC] (2011)/02 Song.flac             | Artist            | Album                     | Song                           | 2     | ~    | 2011
            Artist/Album [320kbps]/02 Song (Live) [Bonus Track].mp3         | Artist            | Album                     | Song (Live) [Bonus Track]      | 2     | ~    | ~
            Motörhead/Ace of Spades (1980)/01 - Ace of Spades.flac          | Motörhead         | Ace of Spades             | Ace of Spades                  | 1     | ~    | 1980
            Björk/Homogenic/06 - Jóga.flac                                  | Björk             | Homogenic                 | Jóga                           | 6     | ~    | ~
            坂本龍一/音楽図鑑 (1984)/01 - 羽の林で.flac                        | 坂本龍一            | 音楽図鑑                    | 羽の林で                         | 1     | ~    | 1984
            Сплин/Гранатовый альбом/03 – Орбит без сахара.mp3               | Сплин             | Гранатовый альбом         | Орбит без сахара               | 3     | ~    | ~
            Rush/2112 (1976)/01 2112.flac                                   | Rush              | 2112                      | 2112                           | 1     | ~    | 1976
            1999.mp3                                                        | ~                 | ~                         | 1999                           | ~     | ~    | ~
            Prince/1999 (1982)/01 - 1999.mp3                                | Prince            | 1999                      | 1999                           | 1     | ~    | 1982
            Artist/Album/00 - Hidden Intro.flac                             | Artist            | Album                     | Hidden Intro                   | ~     | ~    | ~
            Album Only/05 Track.wav                                         | ~                 | Album Only                | Track                          | 5     | ~    | ~
            Artist\\Album\\03 Song.mp3                                      | Artist            | Album                     | Song                           | 3     | ~    | ~
            Artist/Album/Track.With.No.Number.mp3                           | Artist            | Album                     | Track With No Number           | ~     | ~    | ~
            AC_DC/Back_in_Black/06_Back_in_Black.mp3                        | AC DC             | Back in Black             | Back in Black                  | 6     | ~    | ~
            Artist/Album/12) Closing Time.mp3                               | Artist            | Album                     | Closing Time                   | 12    | ~    | ~
            Guns N' Roses/Use Your Illusion I/Disc 1/01 - Right Next Door to Hell.mp3 | Guns N' Roses | Use Your Illusion I | Right Next Door to Hell   | 1     | 1    | ~
            Artist/Album/101 Dalmatians Theme.mp3                           | Artist            | Album                     | Dalmatians Theme               | 101   | ~    | ~
            Artist/Album/no extension                                       | Artist            | Album                     | no extension                   | ~     | ~    | ~
            """)
    void readsThePath(
            String path, String artist, String album, String title, Integer track, Integer disc, Integer year) {
        assertThat(ContextParser.parse(path)).isEqualTo(new PathContext(artist, album, title, track, disc, year));
    }

    @Test
    void blankPathsSayNothing() {
        assertThat(ContextParser.parse("")).isEqualTo(PathContext.EMPTY);
        assertThat(ContextParser.parse("///")).isEqualTo(PathContext.EMPTY);
    }

    @Test
    void aDiscFolderAtTheRootGivesTheDiscOnly() {
        assertThat(ContextParser.parse("CD2/04 Song.flac")).isEqualTo(new PathContext(null, null, "Song", 4, 2, null));
    }
}
