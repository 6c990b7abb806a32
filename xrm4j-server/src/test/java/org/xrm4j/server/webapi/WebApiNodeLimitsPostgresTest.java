package org.xrm4j.server.webapi;

class WebApiNodeLimitsPostgresTest extends WebApiNodeLimitsContract {
    @Override String database() { return "postgresql"; }
}
