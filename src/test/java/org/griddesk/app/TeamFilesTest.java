package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.TeamUploads;
import org.griddesk.testsupport.EvidenceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The team API from outside, over a real gateway: a phone photo larger than the 4 MB body limit
/// goes up on its own (`POST /api/v1/team/files`) and the handled report names it by hash; a
/// handled report sent again with its `Idempotency-Key` gets its first answer and writes nothing more.
class TeamFilesTest {
    @TempDir
    static Path dataDir;

    private static TeamTickets work;
    private static String teamKey;
    private static String otherKey;
    private static byte[] photo;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        work = new TeamTickets(dataDir);
        teamKey = work.fixture.teamKey(work.team.id());
        otherKey = work.fixture.teamKey(work.otherTeam.id());
        photo = noisyPng(1500, 1400); // 3 bytes a pixel that do not compress: a little over 6 MB
    }

    @AfterAll
    static void stop() {
        work.close();
    }

    private static byte[] noisyPng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(24);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<String> upload(String key, String name, byte[] bytes) throws Exception {
        String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return work.fixture.send("/api/v1/team/files" + query, key, "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static HttpResponse<String> handled(Ticket t, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(work.fixture.uri("/api/v1/team/tickets/" + t.code() + "/handled"))
                .header("Content-Type", "application/json").header("X-Api-Key", teamKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return GatewayFixture.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static Ticket signed() throws Exception {
        return work.desk.execute(work.ticket(work.team), new TicketCommand.Sign(), work.handler()).after();
    }

    private static long handledEvents(Ticket t) {
        return work.tickets.trail(t.id()).stream().filter(e -> e.event() instanceof TicketEvent.Handled).count();
    }

    @Test
    void aPhotoOverTheBodyLimitIsUploadedOnItsOwnAndTheReportNamesItByHash() throws Exception {
        assertThat(photo.length).as("more than the 4 MB every other route takes").isBetween(5_000_000, Attachment.MAX_BYTES);
        AttachmentRepository files = new AttachmentRepository(work.fixture.db.dsl());
        Ticket t = signed();

        HttpResponse<String> first = upload(teamKey, "整改后.png", photo);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String ref = "sha256:" + Attachment.sha256(photo);
        assertThat(json(first).get("file").asText()).isEqualTo(ref);
        assertThat(json(first).get("name").asText()).isEqualTo("整改后.png");
        assertThat(json(first).get("type").asText()).isEqualTo("image/png");
        HttpResponse<String> again = upload(teamKey, "另一个名字.png", photo);
        assertThat(again.statusCode()).as("the same bytes twice are one file").isEqualTo(200);
        assertThat(json(again).get("file").asText()).isEqualTo(ref);
        assertThat(json(again).get("name").asText()).as("taken under its first name, and said so").isEqualTo("整改后.png");
        assertThat(files.find(List.of(Attachment.sha256(photo)))).as("an upload is not evidence until a report names it").isEmpty();

        String small = Base64.getEncoder().encodeToString(EvidenceFiles.jpeg());
        HttpResponse<String> report = handled(t, null, "{\"result\":\"已更换井盖\",\"files\":[\"" + ref + "\"],"
                + "\"attachments\":[{\"name\":\"小图.jpg\",\"content\":\"" + small + "\"}]}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(work.tickets.trail(t.id()).getLast().event()).isInstanceOfSatisfying(TicketEvent.Handled.class,
                h -> assertThat(h.evidence()).containsExactly("sha256:" + Attachment.sha256(EvidenceFiles.jpeg()), ref));
        assertThat(files.content(Attachment.sha256(photo))).hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
        assertThat(files.find(List.of(Attachment.sha256(photo)))).singleElement()
                .satisfies(f -> assertThat(f.name()).isEqualTo("整改后.png"));
        assertThat(new TeamUploads(work.fixture.db.dsl()).find(work.team.id(), Attachment.sha256(photo), Instant.now()))
                .as("the report took the upload: it is not kept twice").isEmpty();
    }

    @Test
    void aReportResentAfterItsUploadWasTakenGetsTheFirstAnswer() throws Exception {
        Ticket t = signed();
        byte[] picture = EvidenceFiles.picture("png", 30, 30, java.awt.Color.ORANGE);
        HttpResponse<String> up = upload(teamKey, "现场.png", picture);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        String body = "{\"result\":\"已清理\",\"files\":[\"" + json(up).get("file").asText() + "\"]}";
        HttpResponse<String> first = handled(t, "phone-77aa-0002", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> resent = handled(t, "phone-77aa-0002", body);
        assertThat(resent.statusCode()).as("answered before its files are looked up again: " + resent.body()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(handledEvents(t)).isEqualTo(1);
    }

    @Test
    void uploadsAreCheckedLikeEveryAttachmentAndAReportNamesOnlyItsTeamsUploads() throws Exception {
        Ticket t = signed();
        long version = work.tickets.get(t.id()).version();
        HttpResponse<String> words = upload(teamKey, "说明.txt", "not a picture".getBytes(StandardCharsets.UTF_8));
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(json(words).get("fields").get(0).get("message").asText()).contains("说明.txt", "PDF files only");
        for (String name : new String[] {"bad\nname.jpg", "\u202egpj.exe", "../../etc/passwd"}) {
            HttpResponse<String> named = upload(teamKey, name, EvidenceFiles.picture("png", 12, 12, java.awt.Color.PINK));
            assertThat(named.statusCode()).as(name).isEqualTo(400);
            assertThat(json(named).get("fields").get(0).get("field").asText()).isEqualTo("name");
        }
        HttpResponse<String> unnamed = upload(teamKey, null, "not a picture".getBytes(StandardCharsets.UTF_8));
        assertThat(json(unnamed).get("fields").get(0).get("message").asText()).as("no 'null' for a file sent without a name")
                .doesNotContain("null").contains("attachment");
        byte[] cut = java.util.Arrays.copyOf(photo, photo.length / 2);
        assertThat(json(upload(teamKey, "半张.png", cut)).get("fields").get(0).get("message").asText()).contains("不是完整的 PNG");
        HttpResponse<String> huge = work.fixture.postAskingFirst("/api/v1/team/files", teamKey, new byte[Attachment.MAX_BYTES + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).get("message").asText()).contains("10 MB");
        assertThat(upload("gdk_not-a-key", null, EvidenceFiles.png()).statusCode()).isEqualTo(401);
        HttpResponse<String> badName = upload(teamKey, "现场\u0000.png", EvidenceFiles.png());
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).get("fields").findValuesAsText("field")).containsExactly("name");
        HttpResponse<String> bigJson = work.fixture.postAskingFirst("/api/v1/team/tickets/" + t.code() + "/handled", teamKey,
                new byte[5 * 1024 * 1024]);
        assertThat(bigJson.statusCode()).as("every other route keeps its 4 MB").isEqualTo(413);

        byte[] theirs = EvidenceFiles.picture("png", 30, 30, java.awt.Color.ORANGE);
        assertThat(upload(otherKey, "别队.png", theirs).statusCode()).isEqualTo(201);
        String never = "sha256:" + "ab".repeat(32);
        HttpResponse<String> unknown = handled(t, null, "{\"result\":\"已处理\",\"files\":[\"" + never + "\",\"sha256:"
                + Attachment.sha256(theirs) + "\",\"井盖.jpg\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("fields").findValuesAsText("field")).containsExactly("files[0]", "files[1]", "files[2]");
        assertThat(json(unknown).get("fields").get(0).get("message").asText()).contains("未上传过此文件", "upload it first");
        assertThat(work.tickets.get(t.id()).version()).as("nothing written").isEqualTo(version);
    }

    @Test
    void anUploadWaitsADayForItsReportThenGoes() {
        TeamUploads uploads = new TeamUploads(work.fixture.db.dsl());
        Attachment file = Attachment.of("旧.png", EvidenceFiles.picture("png", 20, 20, java.awt.Color.CYAN));
        Instant then = Instant.now().minus(2, ChronoUnit.DAYS);
        assertThat(uploads.store(work.team.id(), file, then)).as("new").isEmpty();
        assertThat(uploads.find(work.team.id(), file.sha256(), then.plus(23, ChronoUnit.HOURS))).isPresent();
        assertThat(uploads.find(work.team.id(), file.sha256(), Instant.now())).as("a day later it cannot be named").isEmpty();
        assertThat(uploads.prune(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(uploads.find(work.team.id(), file.sha256(), then)).isEmpty();
    }

    @Test
    void aHandledReportResentWithItsIdempotencyKeyGetsTheFirstAnswerAndWritesNothingMore() throws Exception {
        Ticket t = signed();
        String body = "{\"result\":\"已更换井盖\",\"version\":" + work.tickets.get(t.id()).version() + "}";
        HttpResponse<String> bad = handled(t, "key with spaces", body);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("fields").findValuesAsText("field")).containsExactly("Idempotency-Key");

        HttpResponse<String> first = handled(t, "phone-7f3a-0001", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("state").asText()).isEqualTo("HANDLED");
        HttpResponse<String> resent = handled(t, "phone-7f3a-0001", body);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        HttpResponse<String> respaced = handled(t, "phone-7f3a-0001", body.replace(",", " ,\n "));
        assertThat(respaced.statusCode()).as("the same body, spaced otherwise").isEqualTo(200);

        HttpResponse<String> other = handled(t, "phone-7f3a-0001", "{\"result\":\"另一份结果\"}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(json(other).get("message").asText()).contains("Idempotency-Key", "nothing was done");
        HttpResponse<String> withoutKey = handled(t, null, body);
        assertThat(withoutKey.statusCode()).as("without the key a repeat is refused as before").isEqualTo(409);
        assertThat(handledEvents(t)).isEqualTo(1);
    }

    @Test
    void resendsOfOneKeyAtOnceMakeOneReportAndAllGetItsAnswer() throws Exception {
        Ticket t = signed();
        String body = "{\"result\":\"已清理\"}";
        List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(() -> handled(t, "burst-" + t.code(), body));
        }
        List<String> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> f : pool.invokeAll(sends)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
                answers.add(f.get().body());
            }
        }
        assertThat(answers).as("the same answer to every send").containsOnly(answers.getFirst());
        assertThat(handledEvents(t)).isEqualTo(1);
    }
}
