package org.griddesk.onboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.griddesk.domain.TableFile;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;

/// `griddesk district import`: the district's organisation, grid workers, cameras and must-visit
/// households from its own files (any of them), every file checked against the others and the
/// store before anything is written, then written in one transaction.
public final class DistrictImport {
    /// The files given; null for a file not given.
    public record Files(Path units, Path workers, Path cameras, Path households) {
    }

    /// What the files hold, checked.
    public record Checked(List<UnitEntry> units, List<GridWorker> workers, List<Camera> cameras, List<VisitHousehold> households) {
    }

    /// Files refused whole: every problem found, in the order found.
    public static final class InvalidFilesException extends Exception {
        private final List<Problem> problems;

        InvalidFilesException(List<Problem> problems) {
            super(problems.size() + " problems, the first: " + problems.getFirst().text(false));
            this.problems = problems;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final DistrictRepository district;
    private final BaseDataRepository baseData;

    public DistrictImport(DistrictRepository district, BaseDataRepository baseData) {
        this.district = district;
        this.baseData = baseData;
    }

    /// Reads and checks the files; nothing is written. Camera points are in `pointsIn`.
    public Checked check(Files files, CoordinateSystem pointsIn) throws InvalidFilesException {
        StoredDistrict stored = StoredDistrict.read(district, baseData);
        Problems problems = new Problems();
        List<UnitEntry> units = read(files.units(), UnitsFile.COLUMNS, problems, s -> UnitsFile.read(s, stored));
        List<GridWorker> workers = read(files.workers(), WorkersFile.COLUMNS, problems, s -> WorkersFile.read(s, stored));
        List<Camera> cameras = read(files.cameras(), CamerasFile.COLUMNS, problems, s -> CamerasFile.read(s, stored, pointsIn));
        List<VisitHousehold> households = read(files.households(), HouseholdsFile.COLUMNS, problems,
                s -> HouseholdsFile.read(s, stored));
        if (!problems.isEmpty()) {
            throw new InvalidFilesException(problems.list());
        }
        return new Checked(units, workers, cameras, households);
    }

    /// Checks the files, then writes what they hold in one transaction.
    public Checked run(Files files, CoordinateSystem pointsIn) throws InvalidFilesException {
        Checked checked = check(files, pointsIn);
        baseData.write(checked.units(), checked.workers(), checked.cameras(), checked.households());
        return checked;
    }

    private interface SheetReader<T> {
        List<T> read(Sheet sheet);
    }

    private static <T> List<T> read(Path file, List<Column> columns, Problems problems, SheetReader<T> reader) {
        if (file == null) {
            return List.of();
        }
        TableFile.Table table;
        try {
            table = TableFile.read(file);
        } catch (TableFile.UnreadableException e) {
            problems.file(file.getFileName().toString(), e.chinese(), e.getMessage());
            return List.of();
        } catch (IOException e) {
            problems.file(file.getFileName().toString(), "无法读取：" + e.getMessage(), "cannot be read: " + e.getMessage());
            return List.of();
        }
        return reader.read(new Sheet(table, columns, problems));
    }
}
