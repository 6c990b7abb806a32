package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Creates a one-to-many relationship with its lookup column; {@code OneToManyRelationship} is an Entity named {@code onetomanyrelationshipmetadata}, {@code Lookup} one named {@code attributemetadata}. */
public final class CreateOneToManyRequest extends OrganizationRequest {
    public static final String NAME = "CreateOneToMany";

    public CreateOneToManyRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateOneToManyRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity oneToManyRelationship() { return typed("OneToManyRelationship", Entity.class); }

    public CreateOneToManyRequest oneToManyRelationship(Entity value) { set("OneToManyRelationship", value); return this; }

    public Entity lookup() { return typed("Lookup", Entity.class); }

    public CreateOneToManyRequest lookup(Entity value) { set("Lookup", value); return this; }

    /** Optional; not used: every customization is unmanaged. */
    public String solutionUniqueName() { return typed("SolutionUniqueName", String.class); }

    public CreateOneToManyRequest solutionUniqueName(String value) { set("SolutionUniqueName", value); return this; }
}
