package org.xrm4j.server.webapi;

class WebApiNavigationPostgresTest extends WebApiNavigationContract {
    @Override String database() { return "postgresql"; }
}
