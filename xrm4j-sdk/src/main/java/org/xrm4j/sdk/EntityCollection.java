package org.xrm4j.sdk;

import java.util.ArrayList;
import java.util.List;

/** A page of records, as RetrieveMultiple returns it. TotalRecordCount is -1 unless it was asked for. */
public final class EntityCollection {
    private String entityName;
    private final List<Entity> entities;
    private boolean moreRecords;
    private String pagingCookie;
    private int totalRecordCount = -1;
    private boolean totalRecordCountLimitExceeded;

    public EntityCollection() { this(new ArrayList<>()); }

    public EntityCollection(List<Entity> entities) { this.entities = new ArrayList<>(entities); }

    public String entityName() { return entityName; }
    public EntityCollection entityName(String v) { entityName = v; return this; }
    public List<Entity> entities() { return entities; }
    public boolean moreRecords() { return moreRecords; }
    public EntityCollection moreRecords(boolean v) { moreRecords = v; return this; }
    public String pagingCookie() { return pagingCookie; }
    public EntityCollection pagingCookie(String v) { pagingCookie = v; return this; }
    public int totalRecordCount() { return totalRecordCount; }
    public EntityCollection totalRecordCount(int v) { totalRecordCount = v; return this; }
    public boolean totalRecordCountLimitExceeded() { return totalRecordCountLimitExceeded; }
    public EntityCollection totalRecordCountLimitExceeded(boolean v) { totalRecordCountLimitExceeded = v; return this; }

    @Override public boolean equals(Object o) {
        return o instanceof EntityCollection c && java.util.Objects.equals(entityName, c.entityName)
                && entities.equals(c.entities) && moreRecords == c.moreRecords
                && java.util.Objects.equals(pagingCookie, c.pagingCookie) && totalRecordCount == c.totalRecordCount
                && totalRecordCountLimitExceeded == c.totalRecordCountLimitExceeded;
    }

    @Override public int hashCode() { return java.util.Objects.hash(entityName, entities, moreRecords); }

    @Override public String toString() { return "EntityCollection[" + entityName + " " + entities + "]"; }
}
