package org.xrm4j.server.webapi;

class WebApiNavigationQueriesPostgresTest extends WebApiNavigationQueriesContract {
    @Override String database() { return "postgresql"; }
}
