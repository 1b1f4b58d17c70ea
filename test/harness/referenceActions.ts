// The 53 actions of the LCIC API reference (2022-08-17), as its "API Category" table lists them
// (../shared/seeds/001_e1294da1eac4bbbd.txt). Hard-coded on purpose: the coverage test must not
// take its list from the code it checks.
export const REFERENCE_ACTIONS: readonly string[] = [
	// User login
	'LoginUser',
	'LoginOriginId',
	// Rooms
	'CreateRoom',
	'BatchCreateRoom',
	'DescribeCurrentMemberList',
	'DescribeRoom',
	'DescribeRoomStatistics',
	'GetRoomEvent',
	'GetRoomMessage',
	'ModifyRoom',
	'DeleteRoom',
	'KickUserFromRoom',
	'DescribeAnswerList',
	'DescribeQuestionList',
	'GetRooms',
	'EndRoom',
	'StartRoom',
	// Groups
	'AddGroupMember',
	'BatchAddGroupMember',
	'BatchCreateGroupWithMembers',
	'BatchDeleteGroupMember',
	'CreateGroupWithMembers',
	'CreateGroupWithSubGroup',
	'DeleteGroup',
	'DeleteGroupMember',
	'DescribeGroup',
	'DescribeGroupList',
	'DescribeGroupMemberList',
	'ModifyGroup',
	// Application configuration
	'SetAppCustomContent',
	'DeleteAppCustomContent',
	'ModifyApp',
	'GetWatermark',
	'SetWatermark',
	'CreateSupervisor',
	'DeleteSupervisor',
	'DescribeSupervisors',
	// Recordings
	'DeleteRecord',
	'BatchDeleteRecord',
	// Courseware
	'CreateDocument',
	'BindDocumentToRoom',
	'DescribeDocuments',
	'BatchDescribeDocument',
	'UnbindDocumentFromRoom',
	'DescribeDocumentsByRoom',
	'DeleteDocument',
	'DescribeDocument',
	// Users
	'RegisterUser',
	'BatchRegister',
	'DescribeSdkAppIdUsers',
	'DescribeUser',
	'ModifyUserProfile',
	// Developer
	'DescribeDeveloper',
];

// Actions of Tencent's current model (tencentcloud-sdk-nodejs 4.1.313,
// services/lcic/v20220817/lcic_models.d.ts) that the 2022 reference does not list, as far as
// the package implements them. Hard-coded for the same reason as the list above.
export const NEWER_ACTIONS: readonly string[] = [
	'DescribeAppDetail',
	// Room: messages, moderation, ratings, whiteboard snapshots, live relay
	'DescribeRoomForbiddenUser',
	'ForbidSendMsg',
	'UnblockKickedUser',
	'SendRoomNormalMessage',
	'SendRoomNotificationMessage',
	'DescribeScoreList',
	'DescribeWhiteBoardSnapshot',
	'DeleteWhiteBoardSnapshot',
	'DescribeLiveRelayConfig',
	'ModifyLiveRelayConfig',
	// User: details and logins bound to one class
	'DescribeUserDetail',
	'LoginUserWithRoom',
	'LoginOriginIdWithRoom',
	'DeleteUser',
	// Group: join codes of group-live rooms
	'CreateGroupLiveCodes',
	'DescribeGroupLiveCodes',
	// App: the marquee of a room
	'DescribeMarquee',
	'SetMarquee',
	// Record: manual recording, recordings, replays, replay views and edited versions
	'StartRecord',
	'StopRecord',
	'DescribeRecord',
	'DescribeRecordTask',
	'DescribeRecordStream',
	'DescribePlayRecords',
	'DescribePlaybackList',
	'DeletePlaybackItem',
	'GetPlaybackToken',
	'BatchGetPlaybackToken',
	'DescribeEditVersions',
	'GetEditVersionToken',
	'SetMainEditVersion',
];

/** Every action the emulator and the node implement. */
export const IMPLEMENTED_ACTIONS: readonly string[] = [...REFERENCE_ACTIONS, ...NEWER_ACTIONS];
