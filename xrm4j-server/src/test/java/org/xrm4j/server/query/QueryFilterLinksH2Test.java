package org.xrm4j.server.query;

class QueryFilterLinksH2Test extends QueryFilterLinksContract {
    @Override String database() { return "h2"; }
}
