package org.xrm4j.server.webapi;

class WebApiEnumLiteralsH2Test extends WebApiEnumLiteralsContract {
    @Override String database() { return "h2"; }
}
