package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/// Walking down the hierarchy answers as the index over every grid does, shared edges and corners
/// included, while reading a few dozen regions.
class GridDescentTest {
    private static DistrictMap district;
    private static GridIndex index;
    private static Map<String, List<Region>> byParent;

    @BeforeAll
    static void generate() {
        district = new DemoDistrict(20211).generate();
        index = new GridIndex(district.grids());
        byParent = Stream.concat(district.communities().stream(), district.grids().stream())
                .collect(Collectors.groupingBy(Region::parentCode));
    }

    @Test
    void everyPointIsAnsweredAsTheWholeIndexAnswersIt() {
        List<Coordinate> points = new ArrayList<>();
        Envelope box = district.outline().getEnvelopeInternal();
        Random random = new Random(23);
        for (int i = 0; i < 3000; i++) {
            points.add(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(), box.getMinY() + random.nextDouble() * box.getHeight()));
        }
        for (Region grid : district.grids().subList(0, 200)) {
            points.addAll(List.of(grid.mainPart().getExteriorRing().getCoordinates())); // on edges two or more grids share
        }
        AtomicInteger read = new AtomicInteger();
        Function<String, List<Region>> children = code -> {
            List<Region> found = byParent.getOrDefault(code, List.of());
            read.addAndGet(found.size());
            return found;
        };
        for (Coordinate p : points) {
            assertThat(GridDescent.locate(p.x, p.y, district.areas(), children, district::grids).map(Region::code))
                    .as("%s %s", p.x, p.y).isEqualTo(index.locate(p.x, p.y).map(Region::code));
        }
        assertThat(read.get() / points.size()).as("regions read per point").isLessThan(100);
    }

    @Test
    void aPointFarOutsideIsAnsweredWithoutReadingAnyGrid() {
        assertThat(GridDescent.locate(116.40, 39.90, district.areas(), code -> {
            throw new AssertionError("read " + code);
        }, () -> {
            throw new AssertionError("read every grid");
        })).isEmpty();
    }
}
