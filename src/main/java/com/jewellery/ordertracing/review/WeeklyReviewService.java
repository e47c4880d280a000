package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.review.domain.CommentRules;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewCsv;
import com.jewellery.ordertracing.review.domain.ReviewPdf;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weekly reviews: every role reads them, analysts comment, administrators regenerate. */
@Service
public class WeeklyReviewService {

    /** The most commentary one section holds. */
    public static final int MAX_COMMENT = CommentRules.MAX_LENGTH;

    private static final String REVIEW_EDIT = Roles.PREFIX + Roles.REVIEW_EDIT;

    private final ReviewStore store;
    private final RoleHierarchy roles;
    private final ReviewProperties properties;
    private final ReviewGenerator generator;
    private final AuditService audit;
    private final Clock clock;

    WeeklyReviewService(
            ReviewStore store,
            ReviewGenerator generator,
            AuditService audit,
            RoleHierarchy roles,
            ReviewProperties properties,
            Clock clock) {
        this.properties = properties;
        this.store = store;
        this.roles = roles;
        this.generator = generator;
        this.audit = audit;
        this.clock = clock;
    }

    /** The weeks with a review, newest first. */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public List<ReviewListItem> weeks(int limit) {
        return store.list(limit);
    }

    /** A week's latest version. */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public Optional<StoredReview> latest(IsoWeek week) {
        List<Integer> versions = store.versions(week.toString());
        return versions.isEmpty() ? Optional.empty() : store.find(week.toString(), versions.getLast());
    }

    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public Optional<StoredReview> version(IsoWeek week, int version) {
        return store.find(week.toString(), version);
    }

    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public List<Integer> versions(IsoWeek week) {
        return store.versions(week.toString());
    }

    /** One table of a version as CSV, UTF-8 with a byte-order mark (as the lost-orders export, for Excel). */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public void exportCsv(IsoWeek week, int version, ReviewCsv.Table table, OutputStream out) {
        StoredReview review = store.find(week.toString(), version)
                .orElseThrow(() -> new IllegalArgumentException("no review " + week + " v" + version));
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write('\uFEFF');
            ReviewCsv.write(review.figures(), table, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV export could not be written", e);
        }
    }

    /**
     * A version as PDF with the week's commentary, in the reader's language.
     *
     * @throws IllegalStateException when the configured font is missing
     */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public void exportPdf(IsoWeek week, int version, ReviewPdf.Texts texts, OutputStream out) {
        StoredReview review = store.find(week.toString(), version)
                .orElseThrow(() -> new IllegalArgumentException("no review " + week + " v" + version));
        Map<String, String> comments = new HashMap<>();
        store.comments(week.toString())
                .forEach(comment -> comments.put(comment.section().name(), comment.text()));
        ReviewPdf.write(review.figures(), version, comments, texts, properties.pdfFont(), out);
    }

    /** Whether the signed-in person may write commentary (the page shows read-only text otherwise). */
    @PreAuthorize(Roles.CAN_STAFF)
    public boolean canComment() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .anyMatch(authority -> REVIEW_EDIT.equals(authority.getAuthority()));
    }

    /** Every section's commentary, empty ones included. */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public Map<ReviewSection, ReviewComment> comments(IsoWeek week) {
        Map<ReviewSection, ReviewComment> bySection = new EnumMap<>(ReviewSection.class);
        for (ReviewSection section : ReviewSection.values()) {
            bySection.put(section, ReviewComment.empty(week.toString(), section));
        }
        store.comments(week.toString()).forEach(comment -> bySection.put(comment.section(), comment));
        return bySection;
    }

    /**
     * Saves a section's commentary if nobody saved it since {@code expectedVersion} was read.
     *
     * @throws CommentConflictException with the other person's text, when they did
     * @throws InvalidCommentException   for a text over {@link #MAX_COMMENT} characters or with characters that
     *                                   cannot be stored or exported (control characters)
     */
    @PreAuthorize(Roles.CAN_REVIEW_EDIT)
    @Transactional
    public ReviewComment saveComment(IsoWeek week, ReviewSection section, String text, long expectedVersion) {
        String cleaned = text == null ? "" : text.strip();
        CommentRules.problem(cleaned).ifPresent(problem -> {
            throw new InvalidCommentException(problem);
        });
        String user = currentUser();
        if (!store.saveComment(week.toString(), section, cleaned, expectedVersion, clock.instant(), user)) {
            throw new CommentConflictException(
                    store.comment(week.toString(), section).orElse(ReviewComment.empty(week.toString(), section)));
        }
        audit.record(user, AuditEventType.REVIEW, week + " " + section + " commentary saved");
        return store.comment(week.toString(), section).orElseThrow();
    }

    /** A new version of the week's review from today's data; the earlier versions stay. */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    public int regenerate(IsoWeek week) {
        String user = currentUser();
        int version = generator.regenerate(week, user);
        audit.record(user, AuditEventType.REVIEW, week + " regenerated as version " + version);
        return version;
    }

    private static String currentUser() {
        return Usernames.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
