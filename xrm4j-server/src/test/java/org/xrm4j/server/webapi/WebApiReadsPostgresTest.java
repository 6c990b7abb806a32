package org.xrm4j.server.webapi;

class WebApiReadsPostgresTest extends WebApiReadsContract {
    @Override String database() { return "postgresql"; }
}
