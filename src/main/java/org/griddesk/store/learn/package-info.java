/// What the learning of [org.griddesk.learn] reads from the store.
package org.griddesk.store.learn;
