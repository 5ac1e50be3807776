/// Backups of the embedded store of a single desk: a consistent copy taken while the store is open
/// ([StoreBackup]), the backups folder with its daily files and their pruning ([BackupFolder]), a
/// backup checked before anything is replaced ([BackupCheck]) and a restore into a store that no
/// process holds open ([StoreRestore]). A PostgreSQL store is backed up by its server's tools.
package org.griddesk.store.backup;
