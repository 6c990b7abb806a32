package org.xrm4j.server.webapi;

class WebApiNodeCustomApiH2Test extends WebApiNodeCustomApiContract {
    @Override String database() { return "h2"; }
}
