package org.xrm4j.server.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A global option set defined on its own (CreateOptionSet), so that several choice columns can share it. A column
 * that uses it keeps a copy of its options (see {@link AttributeMetadata}); changes to the options reach every such
 * column. {@code displayName} and {@code description} are language 1033 labels, {@code null} when none was given.
 */
public record OptionSetMetadata(String name, String displayName, String description, List<OptionMetadata> options) {
    public OptionSetMetadata {
        Objects.requireNonNull(name, "name");
        options = options == null ? List.of() : List.copyOf(options);
    }

    public OptionSetMetadata withLabels(String newDisplayName, String newDescription) {
        return new OptionSetMetadata(name, newDisplayName, newDescription, options);
    }
}
