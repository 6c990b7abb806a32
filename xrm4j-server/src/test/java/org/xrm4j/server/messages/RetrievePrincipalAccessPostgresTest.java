package org.xrm4j.server.messages;

class RetrievePrincipalAccessPostgresTest extends RetrievePrincipalAccessContract {
    @Override String database() { return "postgresql"; }
}
