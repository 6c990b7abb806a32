package org.xrm4j.server.webapi;

class WebApiFilesPostgresTest extends WebApiFilesContract {
    @Override String database() { return "postgresql"; }
}
