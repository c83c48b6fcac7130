package io.wkmp.ingest.adapters.chromaprint;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** JNA view of libchromaprint 1.x (chromaprint.h). Every int-returning call gives 1 on success. */
interface LibChromaprint extends Library {
    int ALGORITHM_DEFAULT = 1;

    String chromaprint_get_version();

    Pointer chromaprint_new(int algorithm);

    void chromaprint_free(Pointer ctx);

    int chromaprint_start(Pointer ctx, int sampleRate, int numChannels);

    int chromaprint_feed(Pointer ctx, short[] data, int size);

    int chromaprint_finish(Pointer ctx);

    int chromaprint_get_fingerprint(Pointer ctx, PointerByReference fingerprint);

    int chromaprint_get_raw_fingerprint(Pointer ctx, PointerByReference fingerprint, IntByReference size);

    void chromaprint_dealloc(Pointer ptr);
}
