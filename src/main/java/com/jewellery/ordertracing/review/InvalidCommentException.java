package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.review.domain.CommentRules;

/** Commentary refused before anything was stored, with the reason the page translates. */
public class InvalidCommentException extends IllegalArgumentException {

    private final CommentRules.Problem problem;

    public InvalidCommentException(CommentRules.Problem problem) {
        super("commentary refused: " + problem);
        this.problem = problem;
    }

    public CommentRules.Problem problem() {
        return problem;
    }
}
