/// The team board under the map: the user's teams (and, for a town centre, the district's
/// departments) as drop targets with their loads ([TeamBoardModel]).
package org.griddesk.desk.board;
