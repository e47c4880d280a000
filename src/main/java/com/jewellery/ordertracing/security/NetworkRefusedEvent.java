package com.jewellery.ordertracing.security;

/**
 * A request from a client outside the allowed networks was refused before sign-in.
 *
 * @param clientAddress the address the portal believed: the socket's, or a trusted proxy's X-Forwarded-For
 * @param path          what was asked for
 * @param refusedSince  requests from this address refused since the last event about it, this one included
 */
public record NetworkRefusedEvent(String clientAddress, String path, int refusedSince) {}
