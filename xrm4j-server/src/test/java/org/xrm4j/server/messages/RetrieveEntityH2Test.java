package org.xrm4j.server.messages;

class RetrieveEntityH2Test extends RetrieveEntityContract {
    @Override String database() { return "h2"; }
}
