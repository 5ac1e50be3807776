package org.griddesk.desk.admin;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.CalendarAdministration;
import org.griddesk.security.CameraAdministration;
import org.griddesk.security.ChannelKeyAdministration;
import org.griddesk.security.GridWorkerAdministration;
import org.griddesk.security.OrganisationAdministration;
import org.griddesk.security.Session;
import org.griddesk.security.TaxonomyAdministration;
import org.griddesk.security.VisitFrequencyAdministration;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's tabs for the district's base data — organisation, grid workers,
/// catalogue, cameras, gateway keys, holidays, visit frequencies — each read as it is added, through the store's services.
public record DistrictTabs(OrganisationAdministration organisation, GridWorkerAdministration workers,
                           TaxonomyAdministration taxonomy, CameraAdministration cameras, ChannelKeyAdministration keys,
                           CalendarAdministration calendar, VisitFrequencyAdministration visitFrequencies) {

    /// Adds the tabs to the administrator's screen and starts reading what they show.
    /// @param today the day the holiday tab opens on
    public void addTo(AdminScreen screen, TaskExecutor executor, SecurityTexts texts, Supplier<Session> by, LocalDate today) {
        OrganisationScreen units = new OrganisationScreen(new OrganisationViewModel(executor, texts, organisation, by), texts);
        screen.addTab("organisationTab", texts.get("admin.district.tab.organisation"), units.node());
        GridWorkersScreen posts = new GridWorkersScreen(new GridWorkersViewModel(executor, texts, workers, by), texts);
        screen.addTab("gridWorkersTab", texts.get("admin.district.tab.workers"), posts.node());
        CatalogueScreen items = new CatalogueScreen(new CatalogueViewModel(executor, texts, taxonomy, by), texts);
        screen.addTab("catalogueTab", texts.get("admin.district.tab.taxonomy"), items.node());
        CamerasScreen points = new CamerasScreen(new CamerasViewModel(executor, texts, cameras, by), texts);
        screen.addTab("camerasTab", texts.get("admin.district.tab.cameras"), points.node());
        ChannelKeysScreen gatewayKeys = new ChannelKeysScreen(new ChannelKeysViewModel(executor, texts, keys, by), texts);
        screen.addTab("channelKeysTab", texts.get("admin.district.tab.keys"), gatewayKeys.node());
        HolidayCalendarScreen holidays = new HolidayCalendarScreen(new HolidayCalendarViewModel(executor, texts, calendar, by, today),
                texts);
        screen.addTab("holidayCalendarTab", texts.get("admin.district.tab.calendar"), holidays.node());
        VisitFrequenciesScreen frequencies = new VisitFrequenciesScreen(
                new VisitFrequenciesViewModel(executor, texts, visitFrequencies, by), texts);
        screen.addTab("visitFrequenciesTab", texts.get("admin.district.tab.visits"), frequencies.node());
        units.refresh();
        posts.refresh();
        items.refresh();
        points.refresh();
        gatewayKeys.refresh();
        holidays.refresh();
        frequencies.refresh();
    }
}
