package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.OptionMetadata;

/**
 * What an import may change on a column that already holds data: never its type, lookup targets or option set;
 * a text column only grows (shrinking could cut stored values); options are relabelled and added, and an option the
 * file no longer lists stays, because rows may hold its value.
 */
final class ColumnChanges {
    private ColumnChanges() {}

    static AttributeMetadata merge(AttributeMetadata now, AttributeMetadata wanted) {
        Map<Integer, OptionMetadata> options = new LinkedHashMap<>();
        for (OptionMetadata o : wanted.options()) options.put(o.value(), o);
        for (OptionMetadata o : now.options()) options.putIfAbsent(o.value(), o);
        return new AttributeMetadata(now.logicalName(), now.schemaName(), now.type(), wanted.requiredLevel(),
                Math.max(now.maxLength(), wanted.maxLength()), wanted.minValue(), wanted.maxValue(), wanted.precision(),
                now.targets(), now.optionSetName(), new ArrayList<>(options.values()), now.validForCreate(),
                now.validForUpdate(), now.custom(), now.customized());
    }

    /** Whether the database column must change too: only a text column's length lives in its SQL type. */
    static boolean widens(AttributeMetadata now, AttributeMetadata next) {
        return next.maxLength() > now.maxLength() && next.type() == org.xrm4j.server.metadata.AttributeType.String;
    }

    static List<AttributeMetadata> replace(List<AttributeMetadata> all, List<AttributeMetadata> changed) {
        Map<String, AttributeMetadata> byName = new LinkedHashMap<>();
        for (AttributeMetadata a : all) byName.put(a.logicalName(), a);
        for (AttributeMetadata a : changed) byName.put(a.logicalName(), a);
        return new ArrayList<>(byName.values());
    }
}
