package io.wkmp.ingest.core.cue;

import java.util.Objects;

/**
 * One TRACK of a cue sheet. Positions are in CD frames (75 per second) from the start of {@code file}.
 *
 * @param title null when the sheet gives none
 * @param performer the track's PERFORMER, null when the sheet gives none
 * @param file the FILE the track's INDEX 01 lies in, as written in the sheet
 * @param index01 where the track starts (INDEX 01), in CD frames
 * @param index00 where its pregap starts (INDEX 00, same file), null when absent
 */
public record CueTrack(int number, String title, String performer, String file, long index01, Long index00) {
    /** CD frames per second. */
    public static final int FRAMES_PER_SECOND = 75;
    /** Ticks in one CD frame: 28,224,000 / 75, exact. */
    public static final long TICKS_PER_FRAME = 376_320L;

    public CueTrack {
        Objects.requireNonNull(file, "file");
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("track number must be within [1, 99], got " + number);
        }
        if (index01 < 0 || (index00 != null && (index00 < 0 || index00 > index01))) {
            throw new IllegalArgumentException("track " + number + ": indexes must be >= 0 and INDEX 00 <= INDEX 01");
        }
    }

    /** INDEX 01 in ticks (exact). */
    public long startTicks() {
        return Math.multiplyExact(index01, TICKS_PER_FRAME);
    }

    /** {@code mm:ss:ff} as a cue sheet writes it. */
    public static String format(long cdFrames) {
        return String.format(
                "%02d:%02d:%02d",
                cdFrames / (60 * FRAMES_PER_SECOND), cdFrames / FRAMES_PER_SECOND % 60, cdFrames % FRAMES_PER_SECOND);
    }
}
