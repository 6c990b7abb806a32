package org.xrm4j.server.webapi;

class WebApiNodeNavigationQueriesH2Test extends WebApiNodeNavigationQueriesContract {
    @Override String database() { return "h2"; }
}
