package io.wkmp.ingest.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSimilarityTest {

    @ParameterizedTest(name = "\"{0}\" ~ \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "The Beatles|beatles",
                "Beatles, The|The Beatles",
                "Beyoncé|Beyonce",
                "Simon & Garfunkel|Simon and Garfunkel",
                "Crazy in Love (feat. Jay-Z)|Crazy In Love",
                "Run the World ft. Someone|run the world",
                "Sigur Rós|SIGUR ROS",
                "Motörhead|Motorhead",
                "AC/DC|AC-DC"
            })
    void equalAfterNormalising(String a, String b) {
        assertThat(TextSimilarity.similarity(a, b)).isEqualTo(1.0);
    }

    @Test
    void normalFormIsLowerCaseWordsWithoutTheOrFeaturing() {
        assertThat(TextSimilarity.normalize("The Ünknown  Band feat. X")).isEqualTo("unknown band");
        assertThat(TextSimilarity.normalize(null)).isEmpty();
    }

    @Test
    void closeNamesScoreHighDifferentNamesLow() {
        assertThat(TextSimilarity.similarity("Dark Side of the Moon", "The Dark Side Of The Moon"))
                .isGreaterThan(0.9);
        assertThat(TextSimilarity.similarity("Wish You Were Here", "Wish You Were Her"))
                .isGreaterThan(0.95);
        assertThat(TextSimilarity.similarity("Pink Floyd", "Iron Maiden")).isLessThan(0.6);
        assertThat(TextSimilarity.similarity("", "x")).isZero();
        assertThat(TextSimilarity.similarity(null, null)).isZero();
    }

    @Test
    void jaroWinklerReferenceValues() {
        // classic textbook pairs
        assertThat(TextSimilarity.jaroWinkler("martha", "marhta"))
                .isCloseTo(0.961, org.assertj.core.api.Assertions.within(0.001));
        assertThat(TextSimilarity.jaroWinkler("dixon", "dicksonx"))
                .isCloseTo(0.813, org.assertj.core.api.Assertions.within(0.001));
        assertThat(TextSimilarity.jaroWinkler("abc", "xyz")).isZero();
    }
}
