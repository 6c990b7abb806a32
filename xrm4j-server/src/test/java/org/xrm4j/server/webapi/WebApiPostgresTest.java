package org.xrm4j.server.webapi;

class WebApiPostgresTest extends WebApiContract {
    @Override String database() { return "postgresql"; }
}
