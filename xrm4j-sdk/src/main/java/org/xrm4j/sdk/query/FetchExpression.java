package org.xrm4j.sdk.query;

import java.util.Objects;

/** A FetchXML query. */
public record FetchExpression(String query) implements QueryBase {
    public FetchExpression { Objects.requireNonNull(query, "query"); }
}
