package org.xrm4j.server.webapi;

class WebApiNodeRelationshipsH2Test extends WebApiNodeRelationshipsContract {
    @Override String database() { return "h2"; }
}
