package org.xrm4j.server.webapi;

class WebApiNodeCustomApiPostgresTest extends WebApiNodeCustomApiContract {
    @Override String database() { return "postgresql"; }
}
