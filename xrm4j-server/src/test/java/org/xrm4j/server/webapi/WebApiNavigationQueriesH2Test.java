package org.xrm4j.server.webapi;

class WebApiNavigationQueriesH2Test extends WebApiNavigationQueriesContract {
    @Override String database() { return "h2"; }
}
