package com.jewellery.ordertracing.review;

/** Someone else saved the section since it was read; {@code current} is what they saved. */
public class CommentConflictException extends RuntimeException {

    private final transient ReviewComment current;

    public CommentConflictException(ReviewComment current) {
        super("commentary on " + current.week() + " " + current.section() + " was changed by " + current.updatedBy()
                + " at " + current.updatedAt());
        this.current = current;
    }

    public ReviewComment current() {
        return current;
    }
}
