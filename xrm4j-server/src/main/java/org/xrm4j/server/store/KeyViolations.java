package org.xrm4j.server.store;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityKeyMetadata;

/** The platform's fault for a write that would give two records the same alternate key values. */
public final class KeyViolations {
    private KeyViolations() {}

    /**
     * DuplicateRecordEntityKey with the platform's text. The values are those of the write that key columns it
     * sets; an Update that sets only some of a key's columns names only those.
     */
    static FaultException fault(EntityKeyMetadata key, List<String> columns, List<Object> values) {
        List<String> shown = new ArrayList<>();
        for (String a : key.keyAttributes()) {
            int i = columns.indexOf(a);
            if (i >= 0) shown.add(String.valueOf(values.get(i)));
        }
        return duplicate(key, shown);
    }

    public static FaultException duplicate(EntityKeyMetadata key, List<?> values) {
        List<String> shown = new ArrayList<>();
        for (Object v : values) shown.add(String.valueOf(v));
        return new FaultException(ErrorCodes.DuplicateRecordEntityKey, "A record that has the attribute values "
                + String.join(", ", shown) + " already exists. The entity key " + key.schemaNameOrLogical()
                + " requires that this set of attributes contains unique values. Select unique values and try again.");
    }
}
