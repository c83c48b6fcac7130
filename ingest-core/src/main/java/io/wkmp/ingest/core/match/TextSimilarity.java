package io.wkmp.ingest.core.match;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Similarity of artist, title and album names, 0..1, after normalising away what differs between
 * taggers: case, accents, punctuation, a leading "The", "&" vs "and", and featured-artist suffixes
 * ("feat.", "ft.", "featuring", in or out of brackets). Scores the better of Jaro-Winkler on the
 * normalised text and on its words sorted, so "Beatles, The" matches "The Beatles". Stateless.
 */
public final class TextSimilarity {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern FEATURING =
            Pattern.compile("[\\(\\[]?\\s*\\b(feat\\.?|ft\\.?|featuring)\\s.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");
    private static final Pattern TRAILING_THE = Pattern.compile("\\s+the$");

    private TextSimilarity() {}

    /** The comparable form of a name: "Beyoncé feat. Jay-Z" becomes "beyonce". Null becomes "". */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = FEATURING.matcher(t).replaceAll("");
        t = t.toLowerCase(Locale.ROOT).replace("&", " and ");
        t = NON_WORD.matcher(t).replaceAll(" ").trim();
        t = LEADING_THE.matcher(t).replaceFirst("");
        t = TRAILING_THE.matcher(t).replaceFirst("");
        return t.trim();
    }

    /** 0..1; 1 for names equal after normalising, 0 when either is empty. */
    public static double similarity(String a, String b) {
        String na = normalize(a), nb = normalize(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return 0;
        }
        if (na.equals(nb)) {
            return 1;
        }
        return Math.max(jaroWinkler(na, nb), jaroWinkler(sortedWords(na), sortedWords(nb)));
    }

    /** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters). */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()], matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int lo = Math.max(0, i - window), hi = Math.min(b.length() - 1, i + window);
            for (int j = lo; j <= hi; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (!matchedA[i]) {
                continue;
            }
            while (!matchedB[j]) {
                j++;
            }
            if (a.charAt(i) != b.charAt(j)) {
                transpositions++;
            }
            j++;
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static String sortedWords(String s) {
        String[] words = s.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
