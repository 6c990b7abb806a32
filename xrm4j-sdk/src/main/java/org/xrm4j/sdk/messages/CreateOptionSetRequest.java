package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Creates a global option set; {@code OptionSet} is an Entity named {@code optionsetmetadata}. */
public final class CreateOptionSetRequest extends OrganizationRequest {
    public static final String NAME = "CreateOptionSet";

    public CreateOptionSetRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateOptionSetRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity optionSet() { return typed("OptionSet", Entity.class); }

    public CreateOptionSetRequest optionSet(Entity value) { set("OptionSet", value); return this; }

    /** Optional; not used: every customization is unmanaged. */
    public String solutionUniqueName() { return typed("SolutionUniqueName", String.class); }

    public CreateOptionSetRequest solutionUniqueName(String value) { set("SolutionUniqueName", value); return this; }
}
