package io.wkmp.ingest.core.library;

import java.util.Locale;

/** What an image shows (the {@code images.image_type} of the WKMP schema). */
public enum ImageType {
    ALBUM_FRONT,
    ALBUM_BACK,
    ALBUM_LINER,
    SONG,
    PASSAGE,
    ARTIST,
    WORK,
    LOGO;

    /** The name stored in the database: {@code album_front}, {@code album_back}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
