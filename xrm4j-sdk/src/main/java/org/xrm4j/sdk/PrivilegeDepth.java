package org.xrm4j.sdk;

/** How far a privilege reaches: the user's own records, their business unit's, its child units' too, or all. */
public enum PrivilegeDepth { Basic, Local, Deep, Global }
