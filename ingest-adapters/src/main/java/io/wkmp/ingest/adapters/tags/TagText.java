package io.wkmp.ingest.adapters.tags;

/** Parsing helpers shared by the tag readers: trimmed text, "n/m" numbers, years. */
final class TagText {
    private TagText() {}

    /** Trimmed text, null when blank. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** The n of "n" or "n/m", null when absent or not a number. */
    static Integer number(String s) {
        return part(s, 0);
    }

    /** The m of "n/m", null when absent. */
    static Integer total(String s) {
        return part(s, 1);
    }

    /** The year at the start of a date such as "2021" or "2021-05-03". */
    static Integer year(String s) {
        String t = text(s);
        if (t == null || t.length() < 4 || !t.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(t.substring(0, 4));
    }

    /** The first non-null of the values. */
    @SafeVarargs
    static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Integer part(String s, int index) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        String[] parts = t.split("/");
        if (parts.length <= index) {
            return null;
        }
        try {
            return Integer.parseInt(parts[index].trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
