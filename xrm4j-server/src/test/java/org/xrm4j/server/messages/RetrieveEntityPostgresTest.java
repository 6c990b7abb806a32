package org.xrm4j.server.messages;

class RetrieveEntityPostgresTest extends RetrieveEntityContract {
    @Override String database() { return "postgresql"; }
}
