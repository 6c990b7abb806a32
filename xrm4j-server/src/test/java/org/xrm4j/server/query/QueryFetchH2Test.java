package org.xrm4j.server.query;

class QueryFetchH2Test extends QueryFetchContract {
    @Override String database() { return "h2"; }
}
