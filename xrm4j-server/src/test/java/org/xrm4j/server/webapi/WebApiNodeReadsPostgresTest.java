package org.xrm4j.server.webapi;

class WebApiNodeReadsPostgresTest extends WebApiNodeReadsContract {
    @Override String database() { return "postgresql"; }
}
