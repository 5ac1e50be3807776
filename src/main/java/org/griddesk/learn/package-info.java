/// Learning from the store's history: the item a request's text most likely belongs to
/// ([ItemModel], trained by [ItemModelTrainer], kept in a versioned file by [ItemModelFile]). Only the
/// request's text and the item finally given are learnt from; nothing about the caller. See
/// `docs/learning.md`.
package org.griddesk.learn;
