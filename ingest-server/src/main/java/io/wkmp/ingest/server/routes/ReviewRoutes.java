package io.wkmp.ingest.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wkmp.ingest.core.identification.Decision;
import io.wkmp.ingest.core.library.ReviewPassage;
import io.wkmp.ingest.core.review.Review;
import io.wkmp.ingest.core.review.ReviewFilter;
import io.wkmp.ingest.server.ApiException;
import io.wkmp.ingest.server.wire.ReviewView;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The review workflow: {@code GET /review} lists the passages that need a person, {@code GET /review/{passage}} one
 * of them, {@code POST /review/{passage}/accept|choose|unidentifiable} records a person's decision (docs/api.md).
 */
public final class ReviewRoutes {
    private final Review review;
    private final ObjectMapper json;

    public ReviewRoutes(Review review, ObjectMapper json) {
        this.review = review;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi r) {
        r.get("/review", this::list);
        r.get("/review/{passage}", ctx -> ctx.json(ReviewView.of(found(ctx.pathParam("passage")))));
        r.post(
                "/review/{passage}/accept",
                ctx -> decided(ctx, (g, body) -> review.accept(g, body.text("recording_mbid"), body.text("by"))));
        r.post(
                "/review/{passage}/choose",
                ctx -> decided(ctx, (g, body) -> {
                    if (!body.has("recording_mbid")) {
                        throw ApiException.badRequest("INVALID_FIELD", "recording_mbid is required");
                    }
                    return review.choose(g, body.text("recording_mbid"), body.text("by"));
                }));
        r.post(
                "/review/{passage}/unidentifiable",
                ctx -> decided(ctx, (g, body) -> review.unidentifiable(g, body.text("by"))));
    }

    private void list(Context ctx) {
        String folder = ctx.queryParam("folder");
        folder = folder == null ? "" : folder;
        if (folder.contains("..") || folder.startsWith("/")) {
            throw ApiException.badRequest(
                    "PATH_OUTSIDE_ROOT", "folder must be a path relative to the root folder without '..'");
        }
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            folder = folder + "/";
        }
        List<ReviewPassage> ps = review.list(new ReviewFilter(
                decisions(ctx.queryParam("decision")),
                folder,
                ctx.queryParam("reason"),
                "true".equals(ctx.queryParam("decided"))));
        ctx.json(ReviewView.Listing.of(ps));
    }

    private static Set<Decision> decisions(String param) {
        if (param == null || param.isBlank()) {
            return ReviewFilter.NEEDS_A_PERSON;
        }
        Set<Decision> out = EnumSet.noneOf(Decision.class);
        for (String d : param.split(",")) {
            try {
                out.add(Decision.valueOf(d.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(
                        "INVALID_FIELD", "decision must be a list of ACCEPT, REVIEW, REJECT, PENDING; got '" + d + "'");
            }
        }
        return out;
    }

    private ReviewPassage found(String guid) {
        try {
            return review.passage(guid);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("PASSAGE_NOT_FOUND", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Decide {
        ReviewPassage decide(String passageGuid, JsonBody body);
    }

    private void decided(Context ctx, Decide decide) {
        String guid = found(ctx.pathParam("passage")).guid();
        JsonBody body = JsonBody.of(ctx, json);
        try {
            ctx.json(ReviewView.of(decide.decide(guid, body)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_DECISION", e.getMessage());
        }
    }
}
