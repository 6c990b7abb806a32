package org.xrm4j.server.webapi;

class WebApiRelationshipsH2Test extends WebApiRelationshipsContract {
    @Override String database() { return "h2"; }
}
