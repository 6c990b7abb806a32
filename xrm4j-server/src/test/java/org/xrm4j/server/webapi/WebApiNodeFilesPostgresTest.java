package org.xrm4j.server.webapi;

class WebApiNodeFilesPostgresTest extends WebApiNodeFilesContract {
    @Override String database() { return "postgresql"; }
}
