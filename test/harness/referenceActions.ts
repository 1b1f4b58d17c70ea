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
