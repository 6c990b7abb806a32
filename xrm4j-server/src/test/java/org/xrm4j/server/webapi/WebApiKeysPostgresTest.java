package org.xrm4j.server.webapi;

class WebApiKeysPostgresTest extends WebApiKeysContract {
    @Override String database() { return "postgresql"; }
}
