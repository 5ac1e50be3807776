/// The district's base data (一网兜清): teams of the responsibility catalogue, grid workers, people
/// per grid, cameras.
package org.griddesk.domain.district;
