package org.xrm4j.server.webapi;

class WebApiNodeRelationshipsPostgresTest extends WebApiNodeRelationshipsContract {
    @Override String database() { return "postgresql"; }
}
