package org.xrm4j.server.webapi;

class WebApiNodeClientPostgresTest extends WebApiNodeClientContract {
    @Override String database() { return "postgresql"; }
}
