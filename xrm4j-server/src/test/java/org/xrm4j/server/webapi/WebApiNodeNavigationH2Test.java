package org.xrm4j.server.webapi;

class WebApiNodeNavigationH2Test extends WebApiNodeNavigationContract {
    @Override String database() { return "h2"; }
}
