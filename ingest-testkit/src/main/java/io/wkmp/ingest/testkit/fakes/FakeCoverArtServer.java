package io.wkmp.ingest.testkit.fakes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The Cover Art Archive for the releases of a {@link FakeCatalog}: {@code GET /release/{mbid}} lists a front
 * and a back image (404 for a release the catalogue lacks, as the archive answers for releases without
 * art), and {@code GET /img/{mbid}-{front|back}.jpg} serves them: small solid-colour JPEGs, 300x300 front,
 * 300x150 back. No rate limit (the archive publishes none). Base URL: {@link #apiUrl()}.
 */
public final class FakeCoverArtServer extends FakeService {
    private final FakeCatalog catalog;

    public FakeCoverArtServer(FakeCatalog catalog) {
        super(0);
        this.catalog = catalog;
    }

    /** What a client uses as {@code coverartarchive_base_url}. */
    public String apiUrl() {
        return baseUrl();
    }

    /** The bytes served as a release's front ({@code back} false) or back cover. */
    public static byte[] cover(String releaseMbid, boolean back) {
        BufferedImage img = new BufferedImage(300, back ? 150 : 300, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new Color(releaseMbid.hashCode() & 0xffffff).brighter());
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    protected void routes(JavalinConfig config) {
        config.routes.get("/release/{mbid}", endpoint("release", this::listing));
        config.routes.get("/img/{name}", endpoint("image", this::image));
    }

    @Override
    protected void rateLimited(Context ctx) {
        ctx.status(503).result("slow down");
    }

    private void listing(Context ctx) {
        String mbid = ctx.pathParam("mbid");
        if (catalog.release(mbid).isEmpty()) {
            ctx.status(404).result("No cover art found for release " + mbid);
            return;
        }
        json(
                ctx,
                200,
                Map.of(
                        "release",
                        "https://musicbrainz.org/release/" + mbid,
                        "images",
                        List.of(
                                Map.of(
                                        "front",
                                        true,
                                        "back",
                                        false,
                                        "types",
                                        List.of("Front"),
                                        "image",
                                        baseUrl() + "/img/" + mbid + "-front.jpg"),
                                Map.of(
                                        "front",
                                        false,
                                        "back",
                                        true,
                                        "types",
                                        List.of("Back"),
                                        "image",
                                        baseUrl() + "/img/" + mbid + "-back.jpg"))));
    }

    private void image(Context ctx) {
        String name = ctx.pathParam("name");
        boolean back = name.endsWith("-back.jpg");
        String mbid = name.replaceFirst("-(front|back)\\.jpg$", "");
        if (catalog.release(mbid).isEmpty() || !name.endsWith(".jpg")) {
            ctx.status(404).result("not found");
            return;
        }
        ctx.status(200).contentType("image/jpeg").result(cover(mbid, back));
    }
}
