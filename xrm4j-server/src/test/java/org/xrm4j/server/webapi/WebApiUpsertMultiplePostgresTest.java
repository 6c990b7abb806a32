package org.xrm4j.server.webapi;

class WebApiUpsertMultiplePostgresTest extends WebApiUpsertMultipleContract {
    @Override String database() { return "postgresql"; }
}
