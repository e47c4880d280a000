package com.jewellery.ordertracing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * How long the portal took to answer the users' interactions: Tomcat's access log of a load run ({@code
 * bin/load-benchmark} writes lines of {@code %{begin:msec}t %m %U%q %s %{us}T}), its Vaadin UIDL requests (every
 * click, Enter and navigation inside the portal is one). Tomcat times a request from its first byte to the answer's
 * last byte written, so a browser slow to send or read adds to it: an upper bound of the server's share of what the
 * browsers time, without the browsers' own wait to draw.
 */
final class ServerTimes {

    private ServerTimes() {}

    /** Milliseconds per UIDL request of the log begun at {@code from} or later; a missing log gives none. */
    static Distribution uidl(Path accessLog, Instant from) throws IOException {
        Distribution millis = new Distribution();
        if (!Files.exists(accessLog)) {
            return millis;
        }
        for (String line : Files.readAllLines(accessLog)) {
            List<String> fields = List.of(line.strip().split(" "));
            if (fields.size() == 5
                    && fields.get(1).equals("POST")
                    && fields.get(2).contains("v-r=uidl")
                    && Long.parseLong(fields.get(0)) >= from.toEpochMilli()) {
                millis.add(Long.parseLong(fields.get(4)) / 1000.0);
            }
        }
        return millis;
    }
}
