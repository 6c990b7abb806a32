package org.xrm4j.server.security;

/** The privileges the service checks, named as the platform names them. */
public enum Privilege {
    /** Impersonate another user with CallerId. */
    prvActOnBehalfOfAnotherUser,
    /** Import, promote and delete solutions. */
    prvImportCustomization,
    /** Merge records. */
    prvMerge,
    /** Create tables (CreateEntity). */
    prvCreateEntity,
    /** Change tables (UpdateEntity). */
    prvWriteEntity,
    /** Add columns (CreateAttribute). */
    prvCreateAttribute,
    /** Change columns (UpdateAttribute). */
    prvWriteAttribute,
    /** Delete custom tables (DeleteEntity). */
    prvDeleteEntity,
    /** Delete custom columns (DeleteAttribute). */
    prvDeleteAttribute,
    /** Define alternate keys (CreateEntityKey). */
    prvCreateEntityKey,
    /** Remove alternate keys (DeleteEntityKey). */
    prvDeleteEntityKey,
    /** Create relationships (CreateOneToMany, CreateManyToMany). */
    prvCreateRelationship,
    /** Change relationships (UpdateRelationship). */
    prvWriteRelationship,
    /** Delete custom relationships (DeleteRelationship). */
    prvDeleteRelationship,
    /** Create global option sets (CreateOptionSet). */
    prvCreateOptionSet,
    /** Change global option sets (UpdateOptionSet). */
    prvWriteOptionSet,
    /** Delete global option sets (DeleteOptionSet). */
    prvDeleteOptionSet,
    /** Define custom messages (create customapi and its parameter and response property rows). */
    prvCreateCustomAPI,
    /** Change custom message definitions. */
    prvWriteCustomAPI,
    /** Delete custom message definitions. */
    prvDeleteCustomAPI
}
