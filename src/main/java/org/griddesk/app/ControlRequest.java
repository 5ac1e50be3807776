package org.griddesk.app;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/// What a command asks of the process that holds the embedded store open ([StoreControl]): one JSON
/// object, named by its type.
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({@JsonSubTypes.Type(ChannelKeyRequest.AddForChannel.class), @JsonSubTypes.Type(ChannelKeyRequest.AddForTeam.class),
        @JsonSubTypes.Type(ChannelKeyRequest.ListAll.class), @JsonSubTypes.Type(ChannelKeyRequest.Revoke.class),
        @JsonSubTypes.Type(BackupRequest.class)})
sealed interface ControlRequest permits ChannelKeyRequest, BackupRequest {
}
