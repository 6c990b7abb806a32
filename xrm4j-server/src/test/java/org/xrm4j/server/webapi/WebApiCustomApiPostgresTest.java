package org.xrm4j.server.webapi;

class WebApiCustomApiPostgresTest extends WebApiCustomApiContract {
    @Override String database() { return "postgresql"; }
}
