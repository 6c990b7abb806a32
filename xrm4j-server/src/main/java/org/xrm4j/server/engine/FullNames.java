package org.xrm4j.server.engine;

import org.xrm4j.sdk.Entity;
import org.xrm4j.server.metadata.EntityMetadata;

/** Contacts, leads and users get their fullname from firstname and lastname, as the platform composes it. */
final class FullNames {
    private FullNames() {}

    static boolean affected(EntityMetadata e, ColumnValues row) {
        return e.has("fullname") && e.has("firstname") && e.has("lastname") && (row.has("firstname") || row.has("lastname"));
    }

    /** {@code current} holds the stored names on update (null on create). */
    static void compose(EntityMetadata e, ColumnValues row, Entity current) {
        if (!affected(e, row)) return;
        String first = row.has("firstname") ? (String) row.get("firstname") : current == null ? null : (String) current.get("firstname");
        String last = row.has("lastname") ? (String) row.get("lastname") : current == null ? null : (String) current.get("lastname");
        String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        row.put("fullname", full.isEmpty() ? null : full);
    }
}
