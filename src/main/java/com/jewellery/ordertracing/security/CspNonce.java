package com.jewellery.ordertracing.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One random nonce per request, shared by the header writer and the bootstrap page's script tags.
 * Whichever of the two runs first makes it (the header writer, which runs before the request is handled).
 */
final class CspNonce {

    private static final String ATTRIBUTE = CspNonce.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CspNonce() {}

    static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(ATTRIBUTE, nonce);
        return nonce;
    }
}
