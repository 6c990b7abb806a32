package org.xrm4j.server.webapi;

class WebApiBatchPostgresTest extends WebApiBatchContract {
    @Override String database() { return "postgresql"; }
}
