package org.xrm4j.server.query;

class QueryFilterLinksPostgresTest extends QueryFilterLinksContract {
    @Override String database() { return "postgresql"; }
}
