package com.jewellery.ordertracing.alerts;

/**
 * A file an e-mail notification carries (the weekly review's PDF).
 *
 * @param fileName    the name the recipient sees
 * @param contentType its MIME type, e.g. {@code application/pdf}
 * @param content     the bytes, kept in the outbox until the notification is delivered or given up
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        if (fileName == null || fileName.isBlank() || contentType == null || content == null) {
            throw new IllegalArgumentException("an attachment needs a file name, a content type and content");
        }
    }
}
