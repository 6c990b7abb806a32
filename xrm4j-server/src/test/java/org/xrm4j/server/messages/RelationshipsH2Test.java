package org.xrm4j.server.messages;

class RelationshipsH2Test extends RelationshipsContract {
    @Override String database() { return "h2"; }
}
