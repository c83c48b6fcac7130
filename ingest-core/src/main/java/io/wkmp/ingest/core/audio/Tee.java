package io.wkmp.ingest.core.audio;

import java.util.List;

/** Fans one decode out to several consumers, in the order given (each sees a block before the next one does). */
public final class Tee implements PcmConsumer {
    private final List<PcmConsumer> consumers;

    public Tee(List<PcmConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void start(AudioFormat format) {
        consumers.forEach(c -> c.start(format));
    }

    @Override
    public void accept(PcmBlock block) {
        for (PcmConsumer c : consumers) {
            c.accept(block);
        }
    }

    @Override
    public void finish() {
        consumers.forEach(PcmConsumer::finish);
    }
}
