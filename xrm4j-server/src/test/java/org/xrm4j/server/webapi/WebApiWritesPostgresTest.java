package org.xrm4j.server.webapi;

class WebApiWritesPostgresTest extends WebApiWritesContract {
    @Override String database() { return "postgresql"; }
}
