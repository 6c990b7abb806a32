package org.xrm4j.server.webapi;

class WebApiNodeSearchPostgresTest extends WebApiNodeSearchContract {
    @Override String database() { return "postgresql"; }
}
