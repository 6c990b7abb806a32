package org.xrm4j.server.webapi;

class WebApiNodeNavigationPostgresTest extends WebApiNodeNavigationContract {
    @Override String database() { return "postgresql"; }
}
