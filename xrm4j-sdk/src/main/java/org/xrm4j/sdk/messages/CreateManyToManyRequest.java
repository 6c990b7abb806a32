package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Creates a many-to-many relationship and its intersect table; {@code ManyToManyRelationship} is an Entity named {@code manytomanyrelationshipmetadata}. */
public final class CreateManyToManyRequest extends OrganizationRequest {
    public static final String NAME = "CreateManyToMany";

    public CreateManyToManyRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateManyToManyRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity manyToManyRelationship() { return typed("ManyToManyRelationship", Entity.class); }

    public CreateManyToManyRequest manyToManyRelationship(Entity value) { set("ManyToManyRelationship", value); return this; }

    /** The intersect table's name; else the relationship's IntersectEntityName, else its SchemaName. */
    public String intersectEntitySchemaName() { return typed("IntersectEntitySchemaName", String.class); }

    public CreateManyToManyRequest intersectEntitySchemaName(String value) { set("IntersectEntitySchemaName", value); return this; }

    /** Optional; not used: every customization is unmanaged. */
    public String solutionUniqueName() { return typed("SolutionUniqueName", String.class); }

    public CreateManyToManyRequest solutionUniqueName(String value) { set("SolutionUniqueName", value); return this; }
}
