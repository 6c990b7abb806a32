package org.xrm4j.server.query;

class QueryOperatorsH2Test extends QueryOperatorsContract {
    @Override String database() { return "h2"; }
}
