package io.wkmp.ingest.testkit.memory;

import io.wkmp.ingest.core.library.FileImport;
import io.wkmp.ingest.core.library.UserDecision;
import java.util.HashMap;
import java.util.Map;

/** The people's decisions on passages of the in-memory store, by passage guid. Not thread-safe: the store locks. */
final class UserDecisions {
    private final Map<String, UserDecision> byGuid = new HashMap<>();

    UserDecision get(String passageGuid) {
        return byGuid.get(passageGuid);
    }

    boolean has(String passageGuid) {
        return byGuid.containsKey(passageGuid);
    }

    void put(String passageGuid, UserDecision decision) {
        byGuid.put(passageGuid, decision);
    }

    /**
     * Before {@code replacement} replaces {@code old} (null when the file is new): drops the decisions that do not
     * carry over ({@link UserDecision#carriesOver}: same content, a passage at the same place).
     */
    void rewrite(FileImport old, FileImport replacement) {
        for (int i = 0; old != null && i < old.passages().size(); i++) {
            String guid = PassageViews.guid(replacement.relativePath(), i);
            if (byGuid.containsKey(guid)
                    && (i >= replacement.passages().size()
                            || !UserDecision.carriesOver(
                                    old.sha256(),
                                    old.passages().get(i).timing(),
                                    replacement.sha256(),
                                    replacement.passages().get(i).timing()))) {
                byGuid.remove(guid);
            }
        }
    }

    /** Drops the decisions on the passages of a removed file. */
    void removeFile(String relativePath) {
        byGuid.keySet()
                .removeIf(g -> PassageViews.pathOf(g).map(relativePath::equals).orElse(false));
    }
}
