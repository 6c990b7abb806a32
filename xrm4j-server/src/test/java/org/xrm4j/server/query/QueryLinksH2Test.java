package org.xrm4j.server.query;

class QueryLinksH2Test extends QueryLinksContract {
    @Override String database() { return "h2"; }
}
