package org.xrm4j.server.webapi;

class WebApiActionsPostgresTest extends WebApiActionsContract {
    @Override String database() { return "postgresql"; }
}
