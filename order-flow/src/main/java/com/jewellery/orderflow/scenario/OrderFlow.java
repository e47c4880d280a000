package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.CrmService;
import com.jewellery.orderflow.instrumentation.MesPublisher;
import com.jewellery.orderflow.instrumentation.MesService;
import com.jewellery.orderflow.instrumentation.ShopService;
import com.jewellery.orderflow.instrumentation.Telemetry;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Shop, CRM and MES running side by side in this JVM, each with its own OpenTelemetry SDK and its own
 * RabbitMQ connection, as if they were three deployments. Closing it stops them and exports the last spans.
 */
public final class OrderFlow implements AutoCloseable {

    private final List<OpenTelemetrySdk> sdks;
    private final ShopService shop;
    private final MesService mes;
    /** Everything started, closed in reverse order: servers first, telemetry last. */
    private final Deque<AutoCloseable> started;

    private OrderFlow(List<OpenTelemetrySdk> sdks, ShopService shop, MesService mes, Deque<AutoCloseable> started) {
        this.sdks = sdks;
        this.shop = shop;
        this.mes = mes;
        this.started = started;
    }

    public static OrderFlow start(FlowSettings settings) throws IOException, TimeoutException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            OpenTelemetrySdk shopTelemetry = remember(started, Telemetry.create("shop", settings.telemetry()));
            OpenTelemetrySdk crmTelemetry = remember(started, Telemetry.create("crm", settings.telemetry()));
            OpenTelemetrySdk mesTelemetry = remember(started, Telemetry.create("mes", settings.telemetry()));
            ConnectionFactory rabbit = connectionFactory(settings.rabbitUri());

            Connection mesConnection = remember(started, rabbit.newConnection("mes"));
            MesService mes = remember(started, new MesService(mesTelemetry, mesConnection, settings.slowPricing()));
            mes.resume();

            Connection crmConnection = remember(started, rabbit.newConnection("crm"));
            MesPublisher publisher = remember(started, new MesPublisher(crmTelemetry, crmConnection));
            CrmService crm = remember(started, new CrmService(crmTelemetry, publisher, loopback(settings.crmPort())));

            ShopService shop =
                    remember(started, new ShopService(shopTelemetry, crm.ordersUri(), loopback(settings.shopPort())));
            return new OrderFlow(List.of(shopTelemetry, crmTelemetry, mesTelemetry), shop, mes, started);
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    /** The shop's base address, e.g. {@code http://127.0.0.1:41234}. */
    public URI shopUri() {
        return shop.baseUri();
    }

    public MesService mes() {
        return mes;
    }

    /** Sends every finished span to Jaeger now. */
    public void flush() {
        sdks.forEach(Telemetry::flush);
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("closing the order flow failed");
        closeAll(started, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> started, T closeable) {
        started.push(closeable);
        return closeable;
    }

    private static void closeAll(Deque<AutoCloseable> started, Throwable collector) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                collector.addSuppressed(e);
            }
        }
    }

    private static ConnectionFactory connectionFactory(String uri) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a RabbitMQ URI: " + uri, e);
        }
        return factory;
    }

    /** Loopback only: the flow is a local simulation and must not be reachable from elsewhere. */
    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
