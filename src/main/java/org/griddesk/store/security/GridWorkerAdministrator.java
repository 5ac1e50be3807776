package org.griddesk.store.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.griddesk.domain.Phone;
import org.griddesk.domain.district.DistrictCode;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.GridWorkerAdministration.Post;
import org.griddesk.security.Session;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.district.DistrictRepository.RegionName;

/// Grid workers and grid leaders for [DistrictAdministrationService]: one full-time worker per grid,
/// one leader per community, each with a name and a phone a person answers (a mobile or a landline).
/// A person put in a post leaves the post they held; whoever held the post leaves it.
final class GridWorkerAdministrator {
    private static final int MAX_NAME = 50;

    private final DistrictEdit edit;

    GridWorkerAdministrator(DistrictEdit edit) {
        this.edit = edit;
    }

    List<Post> posts(Session by) {
        edit.require(by, "grid-workers");
        DistrictRepository district = new DistrictRepository(edit.dsl());
        Map<String, RegionName> communities = district.regionNames(RegionLevel.COMMUNITY).stream()
                .collect(Collectors.toMap(RegionName::code, Function.identity()));
        List<GridWorker> people = new BaseDataRepository(edit.dsl()).workers();
        Map<String, GridWorker> byGrid = people.stream().filter(w -> !w.leader() && w.gridCode() != null)
                .collect(Collectors.toMap(GridWorker::gridCode, Function.identity(), (a, b) -> a));
        Map<String, GridWorker> byCommunity = people.stream().filter(GridWorker::leader)
                .collect(Collectors.toMap(GridWorker::communityCode, Function.identity(), (a, b) -> a));
        List<Post> posts = new ArrayList<>();
        for (RegionName grid : district.regionNames(RegionLevel.GRID)) {
            RegionName community = communities.get(grid.parentCode());
            posts.add(new Post(grid.code(), grid.name(), grid.parentCode(), community == null ? "" : community.name(), false,
                    byGrid.get(grid.code())));
        }
        for (RegionName community : communities.values().stream().sorted(Comparator.comparing(RegionName::code)).toList()) {
            posts.add(new Post(community.code(), community.name(), community.code(), community.name(), true,
                    byCommunity.get(community.code())));
        }
        return posts;
    }

    void assign(Session by, String regionCode, String workerId, String name, String phone) {
        String code = DistrictEdit.typed(regionCode);
        String target = "post:" + (code == null ? "" : code);
        edit.require(by, target);
        Optional<Region> region = code == null ? Optional.empty() : new DistrictRepository(edit.dsl()).region(code)
                .filter(r -> r.level() == RegionLevel.GRID || r.level() == RegionLevel.COMMUNITY);
        if (region.isEmpty()) {
            throw edit.refuse(by, target, "admin.district.workers.noPost", code == null ? "" : code);
        }
        String id = DistrictEdit.typed(workerId);
        if (!DistrictCode.valid(id)) {
            throw edit.refuse(by, target, "admin.district.workers.badId", id == null ? "" : id);
        }
        String typedName = DistrictEdit.typed(name);
        if (!DistrictEdit.name(typedName, MAX_NAME)) {
            throw edit.refuse(by, target, "admin.district.badName", MAX_NAME);
        }
        List<GridWorker> people = new BaseDataRepository(edit.dsl()).workers();
        // the same person with the phone left blank keeps the phone stored (the screen never shows it whole)
        String typedPhone = DistrictEdit.typed(phone) != null ? phone
                : people.stream().filter(w -> w.id().equals(id)).map(GridWorker::phone).findFirst().orElse(phone);
        String digits = Phone.personal(typedPhone);
        if (digits == null) {
            throw edit.refuse(by, target, "admin.district.badPhone", phone == null ? "" : phone.strip());
        }
        boolean leader = region.get().level() == RegionLevel.COMMUNITY;
        GridWorker worker = new GridWorker(id, typedName, digits, leader ? code : region.get().parentCode(), leader ? null : code, leader);
        String moved = people.stream().filter(w -> w.id().equals(id)).map(GridWorker::post).filter(p -> !p.equals(code))
                .map(p -> ", left " + p).findFirst().orElse("");
        String replaced = people.stream().filter(w -> w.leader() == leader && w.post().equals(code) && !w.id().equals(id))
                .map(w -> ", replacing " + w.id()).findFirst().orElse("");
        // names and phones stay out of the audit's words: the ids say who
        edit.commit(by, target, (leader ? "leader " : "worker ") + id + replaced + moved,
                tx -> new BaseDataRepository(tx).holdPost(worker));
    }
}
