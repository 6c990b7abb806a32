package org.xrm4j.server.webapi;

class WebApiMetadataWritesPostgresTest extends WebApiMetadataWritesContract {
    @Override String database() { return "postgresql"; }
}
