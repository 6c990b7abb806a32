package org.xrm4j.server.webapi;

class WebApiSearchH2Test extends WebApiSearchContract {
    @Override String database() { return "h2"; }
}
