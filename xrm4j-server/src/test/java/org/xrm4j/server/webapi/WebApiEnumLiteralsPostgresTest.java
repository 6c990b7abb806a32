package org.xrm4j.server.webapi;

class WebApiEnumLiteralsPostgresTest extends WebApiEnumLiteralsContract {
    @Override String database() { return "postgresql"; }
}
