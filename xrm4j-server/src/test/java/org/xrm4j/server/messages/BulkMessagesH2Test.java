package org.xrm4j.server.messages;

class BulkMessagesH2Test extends BulkMessagesContract {
    @Override String database() { return "h2"; }
}
