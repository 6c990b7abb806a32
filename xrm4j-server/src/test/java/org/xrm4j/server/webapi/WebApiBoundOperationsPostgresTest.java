package org.xrm4j.server.webapi;

class WebApiBoundOperationsPostgresTest extends WebApiBoundOperationsContract {
    @Override String database() { return "postgresql"; }
}
