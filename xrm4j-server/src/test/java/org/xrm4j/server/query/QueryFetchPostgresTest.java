package org.xrm4j.server.query;

class QueryFetchPostgresTest extends QueryFetchContract {
    @Override String database() { return "postgresql"; }
}
