package org.xrm4j.sdk.json;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

/**
 * Rewrites a decoded value so that {@code equals} compares byte arrays by content: a {@code byte[]} becomes a
 * {@link ByteBuffer}, which does. Everything else keeps its own equality.
 */
final class ByContent {
    private ByContent() {}

    static Object of(Object v) {
        return switch (v) {
            case byte[] b -> ByteBuffer.wrap(b);
            case OrganizationRequest r -> new OrganizationRequest(r.requestName(), map(r.parameters())).requestId(r.requestId());
            case OrganizationResponse r -> new OrganizationResponse(r.responseName(), map(r.results()));
            case Entity e -> entity(e);
            case EntityCollection c -> new EntityCollection(c.entities().stream().map(ByContent::entity).toList())
                    .entityName(c.entityName()).moreRecords(c.moreRecords()).pagingCookie(c.pagingCookie())
                    .totalRecordCount(c.totalRecordCount()).totalRecordCountLimitExceeded(c.totalRecordCountLimitExceeded());
            case ExecuteMultipleResponseItem i ->
                    new ExecuteMultipleResponseItem(i.requestIndex(), (OrganizationResponse) of(i.response()), i.fault());
            case AliasedValue a -> new AliasedValue(a.entityLogicalName(), a.attributeLogicalName(), of(a.value()));
            case List<?> l -> l.stream().map(x -> x == null ? "<null>" : of(x)).toList();
            case null, default -> v;
        };
    }

    private static Entity entity(Entity e) {
        Entity copy = new Entity(e.logicalName(), e.id());
        copy.attributes().putAll(map(e.attributes()));
        copy.formattedValues().putAll(e.formattedValues());
        return copy;
    }

    private static Map<String, Object> map(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(k, of(x)));
        return out;
    }
}
