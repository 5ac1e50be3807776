package org.griddesk.store.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.security.AuditAction;
import org.griddesk.security.CalendarAdministration;
import org.griddesk.security.CameraAdministration;
import org.griddesk.security.ChannelKeyAdministration;
import org.griddesk.security.GridWorkerAdministration;
import org.griddesk.security.OrganisationAdministration;
import org.griddesk.security.Session;
import org.griddesk.security.TaxonomyAdministration;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;
import org.griddesk.security.VisitFrequencyAdministration;
import org.jooq.DSLContext;

/// The district's base data as the system administrator keeps it at the desk: the organisation,
/// grid workers, cameras, the responsibility catalogue, the gateway's keys and the holiday
/// calendar. Made by [AccountService#districtAdministration] (the same audit and the same check
/// that a session is still good); each part checks its permission, and each change commits with
/// its audit record and its `district_change` row.
public final class DistrictAdministrationService implements OrganisationAdministration, GridWorkerAdministration,
        TaxonomyAdministration, CameraAdministration, ChannelKeyAdministration, CalendarAdministration, VisitFrequencyAdministration {
    private final OrganisationAdministrator organisation;
    private final GridWorkerAdministrator workers;
    private final TaxonomyAdministrator taxonomy;
    private final CameraAdministrator cameras;
    private final ChannelKeyAdministrator keys;
    private final CalendarAdministrator calendar;
    private final VisitFrequencyAdministrator visitFrequencies;

    DistrictAdministrationService(DSLContext dsl, Clock clock, AccountAudit audit, Predicate<Session> active) {
        this.organisation = new OrganisationAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.ORGANISATION,
                AuditAction.ORGANISATION_CHANGED, Permission.ORGANISATION_MANAGE));
        this.workers = new GridWorkerAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.WORKERS,
                AuditAction.ORGANISATION_CHANGED, Permission.ORGANISATION_MANAGE));
        this.taxonomy = new TaxonomyAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.TAXONOMY,
                AuditAction.CONFIGURATION_CHANGED, Permission.CONFIGURATION_MANAGE));
        this.cameras = new CameraAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.CAMERAS,
                AuditAction.ORGANISATION_CHANGED, Permission.ORGANISATION_MANAGE));
        this.keys = new ChannelKeyAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.CHANNEL_KEYS,
                AuditAction.CHANNEL_KEY_CHANGED, Permission.CHANNEL_KEYS_MANAGE), clock);
        this.calendar = new CalendarAdministrator(new DistrictEdit(dsl, clock, audit, active, DistrictChangeKind.CALENDAR,
                AuditAction.CONFIGURATION_CHANGED, Permission.CONFIGURATION_MANAGE), clock);
        this.visitFrequencies = new VisitFrequencyAdministrator(new DistrictEdit(dsl, clock, audit, active,
                DistrictChangeKind.VISIT_FREQUENCIES, AuditAction.CONFIGURATION_CHANGED, Permission.CONFIGURATION_MANAGE), clock);
    }

    // Organisation

    @Override
    public List<UnitEntry> units(Session by) {
        return organisation.units(by);
    }

    @Override
    public List<TeamType> unitTeamTypes(Session by) {
        return organisation.teamTypes(by);
    }

    @Override
    public void addUnit(Session by, NewUnit unit) {
        organisation.add(by, unit);
    }

    @Override
    public void renameUnit(Session by, String unitId, String name) {
        organisation.rename(by, unitId, name);
    }

    @Override
    public void changeContact(Session by, String unitId, String name, String phone) {
        organisation.changeContact(by, unitId, name, phone);
    }

    @Override
    public void changeTeamType(Session by, String unitId, String teamTypeCode) {
        organisation.changeTeamType(by, unitId, teamTypeCode);
    }

    @Override
    public void removeUnit(Session by, String unitId) {
        organisation.remove(by, unitId);
    }

    // Grid workers and leaders

    @Override
    public List<Post> posts(Session by) {
        return workers.posts(by);
    }

    @Override
    public void assign(Session by, String regionCode, String workerId, String name, String phone) {
        workers.assign(by, regionCode, workerId, name, phone);
    }

    // Taxonomy and responsibility catalogue

    @Override
    public List<Item> catalogueItems(Session by) {
        return taxonomy.items(by);
    }

    @Override
    public List<TeamType> catalogueTeamTypes(Session by) {
        return taxonomy.teamTypes(by);
    }

    @Override
    public void changeItemRule(Session by, String itemCode, DeadlinePolicy deadline, boolean consultation, String streetTeamType,
                               String districtTeamType) {
        taxonomy.changeRule(by, itemCode, deadline, consultation, streetTeamType, districtTeamType);
    }

    // Cameras

    @Override
    public List<Camera> cameras(Session by) {
        return cameras.cameras(by);
    }

    @Override
    public void saveCamera(Session by, Camera camera) {
        cameras.save(by, camera);
    }

    // Channel and team keys

    @Override
    public List<KeyRow> keys(Session by) {
        return keys.keys(by);
    }

    @Override
    public List<KeyHolder> keyHolders(Session by) {
        return keys.holders(by);
    }

    @Override
    public IssuedKey issueKey(Session by, KeyHolder holder, String label) {
        return keys.issue(by, holder, label);
    }

    @Override
    public void revokeKey(Session by, long keyId) {
        keys.revoke(by, keyId);
    }

    // Holiday calendar

    @Override
    public List<HolidayDay> holidayDays(Session by, int year) {
        return calendar.days(by, year);
    }

    @Override
    public void markDay(Session by, LocalDate date, boolean offDay, String name) {
        calendar.mark(by, date, offDay, name);
    }

    @Override
    public void unmarkDay(Session by, LocalDate date) {
        calendar.unmark(by, date);
    }

    // Visit frequencies

    @Override
    public List<GroupFrequency> visitFrequencies(Session by) {
        return visitFrequencies.list(by);
    }

    @Override
    public void setVisitFrequency(Session by, Category group, VisitFrequency frequency) {
        visitFrequencies.set(by, group, frequency);
    }
}
