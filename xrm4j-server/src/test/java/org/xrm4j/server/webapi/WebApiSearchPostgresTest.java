package org.xrm4j.server.webapi;

class WebApiSearchPostgresTest extends WebApiSearchContract {
    @Override String database() { return "postgresql"; }
}
