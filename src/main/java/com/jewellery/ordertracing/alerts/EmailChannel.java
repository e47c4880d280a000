package com.jewellery.ordertracing.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP ({@code spring.mail.host} and friends): plain text, or multipart with the
 * notification's attachments. Alerts go to {@code portal.alerts.email-to}; a notification with recipients
 * of its own (the weekly review) goes to those. Without a mail host the channel is off.
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
        return reaches(properties.emailTo());
    }

    @Override
    public boolean reaches(List<String> recipients) {
        return !recipients.isEmpty() && mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(OutboxNotification notification) throws DeliveryException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server configured (spring.mail.host)");
        }
        List<String> to = notification.recipients().isEmpty() ? properties.emailTo() : notification.recipients();
        try {
            if (notification.attachments().isEmpty()) {
                sender.send(plain(notification, to));
            } else {
                sender.send(multipart(sender, notification, to));
            }
        } catch (MailException | MessagingException e) {
            throw new DeliveryException("SMTP delivery to " + to + " failed: " + e.getMessage(), e);
        }
    }

    private SimpleMailMessage plain(OutboxNotification notification, List<String> to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.emailFrom());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(notification.subject());
        message.setText(notification.body());
        return message;
    }

    private MimeMessage multipart(JavaMailSender sender, OutboxNotification notification, List<String> to)
            throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper message = new MimeMessageHelper(mime, true, "UTF-8");
        message.setFrom(properties.emailFrom());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(notification.subject());
        message.setText(notification.body());
        for (Attachment file : notification.attachments()) {
            message.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
        }
        return mime;
    }
}
