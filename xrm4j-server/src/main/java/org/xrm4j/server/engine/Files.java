package org.xrm4j.server.engine;

import org.xrm4j.server.files.FileStore;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Keeps the file table in step with record deletes. A delete may cascade through foreign keys to records of other
 * tables without the engine seeing them, so after a delete every table with file or image columns drops the files
 * of its records that are gone, in the same transaction.
 */
final class Files {
    private Files() {}

    static void afterDelete(ExecutionContext ctx) {
        for (EntityMetadata e : ctx.metadata().entities()) {
            for (AttributeMetadata a : e.attributes().values()) {
                if (a.type().isFile()) {
                    FileStore.removeOrphans(ctx, e);
                    break;
                }
            }
        }
    }
}
