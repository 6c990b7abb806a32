package org.xrm4j.sdk;

import java.util.List;

/** The values of a multi-select choice column. */
public record OptionSetValueCollection(List<OptionSetValue> values) {
    public OptionSetValueCollection { values = List.copyOf(values); }

    public static OptionSetValueCollection of(int... values) {
        return new OptionSetValueCollection(java.util.Arrays.stream(values).mapToObj(OptionSetValue::new).toList());
    }
}
