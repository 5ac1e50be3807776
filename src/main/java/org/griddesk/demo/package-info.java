/// The demo district: organisation, people, cameras and two years of ticket history, generated
/// deterministically from a seed on top of the generated geography and the demo taxonomy, and written
/// on a first start ([DemoDistrictLoader]; the district made ahead while the store opens).
package org.griddesk.demo;
