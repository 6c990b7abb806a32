package org.xrm4j.server.metadata;

/** The SDK's CascadeType: what happens to related records when the referenced one is deleted or merged. */
public enum CascadeType { NoCascade, Cascade, Active, UserOwned, RemoveLink, Restrict }
