package org.griddesk.demo;

import java.util.List;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridPopulation;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.geo.DistrictMap;

/// Everything the demo district is made of, before any ticket.
public record DemoDistrictData(long seed, DistrictMap map, Taxonomy taxonomy, Organisation organisation, List<Team> teams,
                               List<GridWorker> gridWorkers, List<GridPopulation> population, List<Camera> cameras,
                               List<VisitHousehold> visitHouseholds) {
}
