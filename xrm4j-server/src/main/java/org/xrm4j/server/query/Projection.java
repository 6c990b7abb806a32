package org.xrm4j.server.query;

import java.util.List;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * One attribute in a query's result: where its value, its lookup type and its lookup names sit in the result set
 * (1-based column indexes; 0 when absent). {@code alias} is null for the root table and the link alias otherwise,
 * in which case the value comes back as an AliasedValue named {@code alias.attribute}.
 */
record Projection(String alias, EntityMetadata entity, AttributeMetadata attribute, int valueColumn, int typeColumn,
                  List<NameColumn> nameColumns) {

    /** The primary name of one possible lookup target. */
    record NameColumn(String target, int column) {}
}
