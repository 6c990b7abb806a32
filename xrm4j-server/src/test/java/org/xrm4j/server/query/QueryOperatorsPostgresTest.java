package org.xrm4j.server.query;

class QueryOperatorsPostgresTest extends QueryOperatorsContract {
    @Override String database() { return "postgresql"; }
}
