package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CoordinateSystemTest {

    @ParameterizedTest
    @CsvSource({"WGS-84,WGS84", "wgs84,WGS84", "EPSG:4326,WGS84", "urn:ogc:def:crs:OGC:1.3:CRS84,WGS84",
        "urn:ogc:def:crs:EPSG::4326,WGS84", "http://www.opengis.net/def/crs/EPSG/0/4326,WGS84", "CGCS2000,CGCS2000",
        "EPSG:4490,CGCS2000", "GCJ-02,GCJ02", "gcj_02,GCJ02", "BD-09,BD09", "bd09ll,BD09", "EPSG:3857,WEB_MERCATOR",
        "EPSG:900913,WEB_MERCATOR"})
    void everyUsualSpellingNamesItsSystem(String name, CoordinateSystem expected) {
        assertThat(CoordinateSystem.named(name)).contains(expected);
    }

    @Test
    void anUnknownNameIsNoSystem() {
        assertThat(CoordinateSystem.named("EPSG:2385")).isEmpty();
        assertThat(CoordinateSystem.named("")).isEmpty();
        assertThat(CoordinateSystem.named(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void aPointInJinnanGoesThereAndBackToWithinAMillimetre(CoordinateSystem system) {
        double[] there = system.fromWgs(117.357412, 38.937965);
        double[] back = system.toWgs(there[0], there[1]);
        assertThat(back[0]).isCloseTo(117.357412, within(1e-8));
        assertThat(back[1]).isCloseTo(38.937965, within(1e-8));
    }

    @Test
    void baiduAndAmapShiftAPointAsTheirMapsDo() {
        // Tian'anmen as Baidu gives it, and as the published inverse formulas give it in GCJ-02
        double[] gcj = ChinaCoordinates.bdToGcj(116.404, 39.915);
        assertThat(gcj[0]).isCloseTo(116.397627, within(2e-5));
        assertThat(gcj[1]).isCloseTo(39.908657, within(2e-5));
        double[] wgs = CoordinateSystem.BD09.toWgs(116.404, 39.915);
        assertThat(wgs[0]).isCloseTo(116.391384, within(3e-5));
        assertThat(wgs[1]).isCloseTo(39.907253, within(3e-5));
    }

    @Test
    void webMercatorMetresBecomeDegrees() {
        double[] edge = CoordinateSystem.WEB_MERCATOR.toWgs(20037508.342789244, 0);
        assertThat(edge[0]).isCloseTo(180, within(1e-9));
        double[] jinnan = CoordinateSystem.WEB_MERCATOR.toWgs(13064311.0, 4716650.0);
        assertThat(jinnan[0]).isCloseTo(117.358702, within(1e-6));
        assertThat(jinnan[1]).isCloseTo(38.964935, within(1e-6));
    }
}
