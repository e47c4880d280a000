package com.jewellery.ordertracing.alerts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text e-mail over SMTP ({@code spring.mail.host} and friends). Without a mail host or
 * recipients the channel is off.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final AlertsProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailChannel(AlertsProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        this.mailSender = mailSender;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean configured() {
        return !properties.emailTo().isEmpty() && mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(OutboxNotification notification) throws DeliveryException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.emailFrom());
        message.setTo(properties.emailTo().toArray(String[]::new));
        message.setSubject(notification.subject());
        message.setText(notification.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryException("SMTP delivery to " + properties.emailTo() + " failed: " + e.getMessage(), e);
        }
    }
}
