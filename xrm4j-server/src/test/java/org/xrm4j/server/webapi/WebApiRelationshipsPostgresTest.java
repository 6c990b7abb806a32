package org.xrm4j.server.webapi;

class WebApiRelationshipsPostgresTest extends WebApiRelationshipsContract {
    @Override String database() { return "postgresql"; }
}
