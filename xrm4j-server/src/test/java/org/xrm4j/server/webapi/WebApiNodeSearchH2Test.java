package org.xrm4j.server.webapi;

class WebApiNodeSearchH2Test extends WebApiNodeSearchContract {
    @Override String database() { return "h2"; }
}
