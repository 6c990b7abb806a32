package org.xrm4j.server.webapi;

class WebApiNodeOperationsPostgresTest extends WebApiNodeOperationsContract {
    @Override String database() { return "postgresql"; }
}
