package org.xrm4j.server.webapi;

class WebApiNodeNavigationQueriesPostgresTest extends WebApiNodeNavigationQueriesContract {
    @Override String database() { return "postgresql"; }
}
