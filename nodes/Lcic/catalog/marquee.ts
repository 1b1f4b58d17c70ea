import type { IDataObject } from 'n8n-workflow';

import { choice, flag, roomIdField } from './fieldKit';
import type { FieldSpec, OperationSpec } from './types';

// The marquee (scrolling or blinking text over the class video, typically to deter screen
// recording) of a room: Tencent's current model, not in the 2022 reference.

const number = (
	param: string,
	displayName: string,
	description: string,
	min: number,
	max: number,
	type: 'integer' | 'number' = 'integer',
): FieldSpec => ({ param, displayName, description, type, default: min, min, max });

const color = (param: string, displayName: string, description: string): FieldSpec => ({
	param,
	displayName,
	description,
	type: 'string',
	default: '',
	placeholder: 'e.g. #00FF00',
});

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function colorProblem(body: IDataObject): string | undefined {
	for (const [param, label] of [
		['FontColor', 'Font Color'],
		['BackgroundColor', 'Background Color'],
	]) {
		const value = body[param];
		if (typeof value === 'string' && !HEX_COLOR.test(value))
			return `"${label}" (${param}) must be a hexadecimal color such as #00FF00 (got ${value})`;
	}
	return undefined;
}

export const marqueeOperations: OperationSpec[] = [
	{
		resource: 'appConfig',
		operation: 'getMarquee',
		displayName: 'Get Marquee',
		action: 'DescribeMarquee',
		description: 'Get the marquee settings of a room (DescribeMarquee)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose marquee to get')],
		output: { kind: 'response' },
	},
	{
		resource: 'appConfig',
		operation: 'setMarquee',
		displayName: 'Set Marquee',
		action: 'SetMarquee',
		description: 'Set the marquee of a room: moving text over the class video (SetMarquee)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room whose marquee to set'),
			choice(
				'MarqueeType',
				'Content Type',
				'What the marquee shows',
				[
					{ name: 'Fixed Text', value: 1 },
					{ name: 'User Nickname', value: 2 },
					{ name: 'Fixed Text + Nickname', value: 3 },
					{ name: 'User ID', value: 4 },
					{ name: 'Origin ID + Fixed Text', value: 5 },
					{ name: 'Nickname (Origin ID)', value: 6 },
				],
				{ required: true },
			),
			choice(
				'DisplayMode',
				'Display Mode',
				'How the marquee moves',
				[
					{ name: 'Scroll', value: 1 },
					{ name: 'Blink', value: 2 },
				],
				{ required: true },
			),
			{
				param: 'Content',
				displayName: 'Fixed Text',
				description: 'The fixed text, shown for the content types that include it',
				type: 'string',
				default: '',
			},
			number('FontSize', 'Font Size (Pixels)', 'Size of the text, 10 to 24 pixels', 10, 24),
			flag('FontWeight', 'Font Weight', 'Thickness of the text', 'Thin', 'Bold'),
			color('FontColor', 'Font Color', 'Color of the text, as hexadecimal (#RRGGBB)'),
			number(
				'FontOpacity',
				'Font Opacity',
				'Opacity of the text, from 0 (transparent) to 1',
				0,
				1,
				'number',
			),
			color('BackgroundColor', 'Background Color', 'Background color, as hexadecimal (#RRGGBB)'),
			number(
				'BackgroundOpacity',
				'Background Opacity',
				'Opacity of the background, from 0 (transparent) to 1',
				0,
				1,
				'number',
			),
			number(
				'Duration',
				'Speed (1-10)',
				'Time the text takes to scroll or blink a set distance, 1 to 10: the lower, the faster',
				1,
				10,
			),
			choice('MarqueeCount', 'Rows', 'How many marquees are shown', [
				{ name: 'One Row', value: 1 },
				{ name: 'Two Rows', value: 2 },
			]),
		],
		output: { kind: 'response' },
		validate: colorProblem,
	},
];
