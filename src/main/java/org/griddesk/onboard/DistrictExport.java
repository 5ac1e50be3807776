package org.griddesk.onboard;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;

/// `griddesk district export`: the store's organisation, grid workers, cameras and (when asked)
/// must-visit households written as the import reads them: CSV in UTF-8 with a byte-order mark
/// (Excel on a Chinese PC opens it without garbling), Chinese headings, CRLF line ends.
public final class DistrictExport {
    public static final String UNITS = "units.csv";
    public static final String WORKERS = "workers.csv";
    public static final String CAMERAS = "cameras.csv";
    public static final String HOUSEHOLDS = "households.csv";

    private final DistrictRepository district;
    private final BaseDataRepository baseData;

    public DistrictExport(DistrictRepository district, BaseDataRepository baseData) {
        this.district = district;
        this.baseData = baseData;
    }

    /// Writes the files into `dir`, replacing files of the same names; the paths written.
    public List<Path> write(Path dir, boolean withHouseholds) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(UNITS), UnitsFile.COLUMNS, out -> {
            for (UnitEntry e : baseData.units()) {
                var u = e.unit();
                UnitsFile.Kind kind = u.isCentre() ? UnitsFile.Kind.CENTRE
                        : u.level() == UnitLevel.STREET ? UnitsFile.Kind.TEAM : UnitsFile.Kind.DEPARTMENT;
                out.printRecord(u.id(), u.name(), UnitsFile.KINDS.write(kind), UnitsFile.LEVELS.write(u.level()), u.parentId(),
                        e.teamTypeCode(), e.contactName(), e.contactPhone());
            }
        }));
        written.add(write(dir.resolve(WORKERS), WorkersFile.COLUMNS, out -> {
            for (GridWorker w : baseData.workers()) {
                out.printRecord(w.id(), w.name(), w.phone(), w.gridCode(), w.communityCode(), WorkersFile.ROLES.write(w.leader()));
            }
        }));
        written.add(write(dir.resolve(CAMERAS), CamerasFile.COLUMNS, out -> {
            for (Camera c : district.cameras()) {
                out.printRecord(c.code(), CamerasFile.KINDS.write(c.kind()), c.lon(), c.lat(), c.gridCode(), c.streamUrl());
            }
        }));
        if (withHouseholds) {
            written.add(write(dir.resolve(HOUSEHOLDS), HouseholdsFile.COLUMNS, out -> {
                for (VisitHousehold h : district.visitHouseholds()) {
                    out.printRecord(h.id(), h.gridCode(), HouseholdsFile.CATEGORIES.write(h.category()), h.headName(), h.phone(),
                            h.address());
                }
            }));
        }
        return written;
    }

    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static Path write(Path file, List<Column> columns, Rows rows) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.stream().map(Column::chinese).toArray(String[]::new)).get();
            try (CSVPrinter out = new CSVPrinter(writer, format)) {
                rows.print(out);
            }
        }
        return file;
    }
}
