package org.griddesk.domain.district;

/// People of one grid (一网兜清): households, residents and special-group records (四失五类).
public record GridPopulation(String gridCode, int households, int residents, int specialGroups) {
}
