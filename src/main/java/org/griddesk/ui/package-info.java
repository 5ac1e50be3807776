/// Small shared UI pieces: the TaskExecutor, languages and messages, theme, Chinese fonts.
package org.griddesk.ui;
