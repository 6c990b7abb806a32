package org.xrm4j.server.webapi;

class WebApiNavigationH2Test extends WebApiNavigationContract {
    @Override String database() { return "h2"; }
}
