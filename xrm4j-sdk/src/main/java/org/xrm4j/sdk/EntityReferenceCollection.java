package org.xrm4j.sdk;

import java.util.List;

/** The related records of an Associate or Disassociate. */
public record EntityReferenceCollection(List<EntityReference> references) {
    public EntityReferenceCollection { references = List.copyOf(references); }

    public static EntityReferenceCollection of(EntityReference... refs) { return new EntityReferenceCollection(List.of(refs)); }
}
