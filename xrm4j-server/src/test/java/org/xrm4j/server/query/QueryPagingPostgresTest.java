package org.xrm4j.server.query;

class QueryPagingPostgresTest extends QueryPagingContract {
    @Override String database() { return "postgresql"; }
}
