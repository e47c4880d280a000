package com.jewellery.ordertracing.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

/** Seen under load: a browser that gave up made Vaadin's answer fail with a client abort, logged as an error. */
class ErrorHandlingInitListenerTest {

    @Test
    void aClientAbortAnywhereInTheChainIsABrowserThatWentAway() {
        Exception wrapped = new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe")));

        assertThat(ErrorHandlingInitListener.browserWentAway(wrapped)).isTrue();
    }

    @Test
    void otherFailuresStayErrors() {
        assertThat(ErrorHandlingInitListener.browserWentAway(new IOException("Broken pipe")))
                .isFalse();
        assertThat(ErrorHandlingInitListener.browserWentAway(new IllegalStateException("boom")))
                .isFalse();
    }
}
