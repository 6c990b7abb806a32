package org.xrm4j.server.webapi;

class WebApiNodeWritesPostgresTest extends WebApiNodeWritesContract {
    @Override String database() { return "postgresql"; }
}
