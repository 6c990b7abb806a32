package org.xrm4j.sdk.query;

/** The query kinds RetrieveMultiple accepts. */
public sealed interface QueryBase permits QueryExpression, QueryByAttribute, FetchExpression {}
