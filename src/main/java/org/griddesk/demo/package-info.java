/// The demo district: organisation, people, cameras (and, next, two years of history) generated
/// deterministically from a seed on top of the generated geography and the demo taxonomy.
package org.griddesk.demo;
