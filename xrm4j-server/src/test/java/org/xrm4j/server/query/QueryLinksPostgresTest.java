package org.xrm4j.server.query;

class QueryLinksPostgresTest extends QueryLinksContract {
    @Override String database() { return "postgresql"; }
}
