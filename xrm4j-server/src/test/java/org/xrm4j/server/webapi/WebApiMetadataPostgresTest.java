package org.xrm4j.server.webapi;

class WebApiMetadataPostgresTest extends WebApiMetadataContract {
    @Override String database() { return "postgresql"; }
}
