package io.wkmp.ingest.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.wkmp.ingest.core.support.TestPcm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joining short quiet pieces to their neighbours, on envelopes built from PCM in memory. */
class SpanJoinerTest {
    private static final double THRESHOLD = -50;
    private static final SpanJoiner DEFAULTS = new SpanJoiner(5_000, 12, 3_000, 3_000);

    private record Result(Envelope env, List<FrameSpan> spans) {}

    private static Result segment(TestPcm pcm) {
        SilenceSegmenter seg = new SilenceSegmenter(THRESHOLD, 1_000, new SilenceSegmenter.BoundaryListener() {
            @Override
            public void started(long frame) {}

            @Override
            public void ended(long frame) {}
        });
        EnvelopeBuilder env = new EnvelopeBuilder(50, THRESHOLD, seg);
        pcm.play(env, 1000);
        return new Result(env.envelope(), seg.spans());
    }

    @Test
    void aQuietIntroJoinsTheSongThatFollowsAndTheSongStaysTheFingerprintedPiece() {
        TestPcm pcm = new TestPcm(44_100, 2)
                .tone(1_300, 523, -34)
                .noise(1_200, -62, 5)
                .tone(20_000, 440, -14);
        Result r = segment(pcm);
        assertThat(r.spans()).hasSize(2);

        List<SpanJoiner.Joined> joined = DEFAULTS.join(r.env(), r.spans());

        assertThat(joined).singleElement().satisfies(j -> {
            assertThat(j.span().startFrame()).isEqualTo(r.spans().get(0).startFrame());
            assertThat(j.span().endFrame()).isEqualTo(r.spans().get(1).endFrame());
            assertThat(j.main()).isEqualTo(r.spans().get(1));
        });
    }

    @Test
    void aCountInOfClicksAndAClickAfterTheSongJoinIt() {
        TestPcm pcm = new TestPcm(44_100, 1)
                .tone(100, 1000, -30)
                .silence(1_100)
                .tone(100, 1000, -30)
                .silence(1_100)
                .tone(15_000, 440, -12)
                .silence(1_500)
                .tone(200, 2000, -35);
        Result r = segment(pcm);
        assertThat(r.spans()).hasSize(4);

        assertThat(DEFAULTS.join(r.env(), r.spans())).singleElement().satisfies(j -> {
            assertThat(j.span().startFrame()).isEqualTo(r.spans().get(0).startFrame());
            assertThat(j.span().endFrame()).isEqualTo(pcm.totalFrames());
            assertThat(j.main()).isEqualTo(r.spans().get(2));
        });
    }

    @Test
    void songsGapsAndLongSilencesStaySplit() {
        // two songs after a CD gap; a short song as loud as its neighbours; a quiet piece after a long silence
        TestPcm pcm = new TestPcm(44_100, 2)
                .tone(20_000, 440, -14)
                .silence(2_000)
                .tone(3_000, 660, -16)
                .noise(3_000, -55, 7)
                .tone(20_000, 330, -14)
                .silence(8_000)
                .tone(2_000, 523, -40);
        Result r = segment(pcm);
        assertThat(r.spans()).hasSize(4);

        assertThat(DEFAULTS.join(r.env(), r.spans()))
                .extracting(SpanJoiner.Joined::span)
                .containsExactlyElementsOf(r.spans());
    }

    @Test
    void aWanderingPauseInsideTheMusicJoinsButASteadyFloorOrALongPauseSplits() {
        double[] levels = {-55, -62, -53, -66, -58, -70, -54, -63, -60, -68, -56, -64, -59, -71};
        TestPcm wandering = new TestPcm(44_100, 2).tone(15_000, 440, -14);
        for (double l : levels) {
            wandering.tone(150, 330, l);
        }
        wandering.tone(15_000, 440, -14);
        Result r = segment(wandering);
        assertThat(r.spans()).hasSize(2);
        assertThat(DEFAULTS.join(r.env(), r.spans())).singleElement().satisfies(j -> {
            assertThat(j.span().startFrame()).isZero();
            assertThat(j.span().endFrame()).isEqualTo(wandering.totalFrames());
        });

        TestPcm steady = new TestPcm(44_100, 2)
                .tone(15_000, 440, -14)
                .noise(2_100, -60, 3)
                .tone(15_000, 440, -14);
        Result s = segment(steady);
        assertThat(DEFAULTS.join(s.env(), s.spans())).hasSize(2);

        TestPcm longPause = new TestPcm(44_100, 2).tone(15_000, 440, -14);
        for (int k = 0; k < 3; k++) {
            for (double l : levels) {
                longPause.tone(150, 330, l);
            }
        }
        longPause.tone(15_000, 440, -14);
        Result p = segment(longPause);
        assertThat(DEFAULTS.join(p.env(), p.spans()))
                .as("a pause longer than the longest musical pause splits")
                .hasSize(2);
    }
}
