package org.griddesk.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.store.Database;

/// What became of every acknowledged request, read from the store afterwards.
///
/// - lost: the store has no ticket for the request, or one under another code than the answer gave;
/// - reused: the code the answer gave belongs to another request now, or was given to two requests.
///
/// @param acknowledged how many requests were answered `201`
/// @param lost         the lost ones (channel, number, code)
/// @param reused       the codes given to another request too
record AcknowledgementAudit(int acknowledged, List<String> lost, List<String> reused) {

    static AcknowledgementAudit of(List<IntakeSenders.Acknowledged> answers, Database store) {
        Map<String, String> codeOfRequest = new HashMap<>();
        Map<String, String> requestOfCode = new HashMap<>();
        store.dsl().fetch("select channel, external_id, code from ticket where external_id is not null").forEach(row -> {
            String request = row.get(0, String.class) + "/" + row.get(1, String.class);
            String code = row.get(2, String.class);
            codeOfRequest.put(request, code);
            requestOfCode.put(code, request);
        });
        List<String> lost = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        Map<String, String> answeredRequestOfCode = new HashMap<>();
        for (IntakeSenders.Acknowledged answer : answers) {
            String request = answer.channel() + "/" + answer.externalId();
            if (!answer.ticket().equals(codeOfRequest.get(request))) {
                lost.add(request + " (answered " + answer.ticket() + ", stored " + codeOfRequest.get(request) + ")");
            }
            String owner = requestOfCode.get(answer.ticket());
            String answeredBefore = answeredRequestOfCode.putIfAbsent(answer.ticket(), request);
            if (answeredBefore != null && !answeredBefore.equals(request)) {
                reused.add(answer.ticket() + " answered to " + answeredBefore + " and to " + request);
            } else if (owner != null && !owner.equals(request)) {
                reused.add(answer.ticket() + " answered to " + request + ", now " + owner + "'s");
            }
        }
        return new AcknowledgementAudit(answers.size(), List.copyOf(lost), List.copyOf(reused));
    }

    @Override
    public String toString() {
        return acknowledged + " acknowledged, " + lost.size() + " lost, " + reused.size() + " codes reused"
                + (lost.isEmpty() ? "" : "; lost e.g. " + lost.subList(0, Math.min(5, lost.size())))
                + (reused.isEmpty() ? "" : "; reused e.g. " + reused.subList(0, Math.min(5, reused.size())));
    }
}
