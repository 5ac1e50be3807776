/// 历史工单查询: the desk's own full-text index of every ticket, open and closed (Lucene with the
/// SmartChinese analyser), kept in the data folder, built in the background and kept current from
/// the change feed; the history search and the caller panel ask it. No personal data in clear is
/// written to it: callers are found by the blind indexes of their phone and name.
package org.griddesk.search;
