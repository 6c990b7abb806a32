package org.xrm4j.server.webapi;

class WebApiNodeKeysPostgresTest extends WebApiNodeKeysContract {
    @Override String database() { return "postgresql"; }
}
