package org.xrm4j.server.query;

class QueryPagingH2Test extends QueryPagingContract {
    @Override String database() { return "h2"; }
}
