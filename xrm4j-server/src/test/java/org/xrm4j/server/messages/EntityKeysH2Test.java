package org.xrm4j.server.messages;

class EntityKeysH2Test extends EntityKeysContract {
    @Override String database() { return "h2"; }
}
