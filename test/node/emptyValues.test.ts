// The report's example and its neighbours, through n8n-core against the emulator. App
// Configuration > Delete Custom Content with Scenes = {{ $json.scene }}: LCIC deletes every
// scene's custom content when Scenes is empty ("No scenes means every custom element" in the
// emulator, after the reference), so a row without a "scene" column must not reach LCIC; the
// rows with a scene still go through (continue on fail), and deleting every scene stays possible
// by leaving Scenes out. Set Watermark: an empty Text removes the text ("Add it empty to remove"),
// but only when typed empty, never when an expression gave nothing.
import type { IDataObject } from 'n8n-workflow';

import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';

const fx = useEmulator('each');

async function scenes(...names: string[]): Promise<void> {
	await fx.session.ok('SetAppCustomContent', {
		CustomContent: names.map((Scene) => ({ Scene, CssUrl: `https://example.com/${Scene}.css` })),
	});
}

async function deleteContent(values: Record<string, unknown>, inputItems: IDataObject[]) {
	fx.emulator.resetCalls();
	return await runWorkflow({
		emulator: fx.emulator,
		nodeParameters: parametersFor('DeleteAppCustomContent', values),
		inputItems,
		continueOnFail: true,
	});
}

describe('Delete Custom Content: an empty Scenes never deletes every scene by accident', () => {
	it('a row without the column is refused; the row with one deletes only its scene', async () => {
		await scenes('exam', 'lecture', 'lab');
		const { items } = await deleteContent({ Scenes: '={{ $json.scene }}' }, [
			{ scene: 'exam' },
			{ other: 'no scene here' },
		]);
		expect(items[0].json.error).toBeUndefined();
		expect(String(items[1].json.error)).toContain('"Scenes" is empty');
		expect(String(items[1].json.error)).toContain('delete the custom content of every scene');
		expect([...fx.session.app.customContent.keys()].sort()).toEqual(['lab', 'lecture']);
		expect(callsOf(fx.emulator, 'DeleteAppCustomContent')).toHaveLength(1);
	});

	it('without continue-on-fail nothing is sent at all', async () => {
		await scenes('exam', 'lab');
		fx.emulator.resetCalls();
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DeleteAppCustomContent', { Scenes: '={{ $json.scene }}' }),
			inputItems: [{ scene: 'exam' }, {}],
		});
		expect(error?.message).toContain('"Scenes" is empty');
		expect(callsOf(fx.emulator, 'DeleteAppCustomContent')).toHaveLength(0);
		expect(fx.session.app.customContent.size).toBe(2);
	});

	it('Scenes added but typed empty is refused too', async () => {
		await scenes('exam');
		const { items } = await deleteContent({ Scenes: '' }, [{}]);
		expect(String(items[0].json.error)).toContain('it was added empty');
		expect(fx.session.app.customContent.size).toBe(1);
	});

	it('leaving Scenes out deletes every scene, as chosen', async () => {
		await scenes('exam', 'lab');
		const { items } = await deleteContent({}, [{}]);
		expect(items[0].json.error).toBeUndefined();
		expect(fx.session.app.customContent.size).toBe(0);
	});
});

describe('Set Watermark: "" removes only when typed', () => {
	async function setText(text: string, inputItems: IDataObject[]) {
		fx.emulator.resetCalls();
		return await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('SetWatermark', { Text: text }),
			inputItems,
			continueOnFail: true,
		});
	}

	it('an expression that gives nothing does not remove the text', async () => {
		await setText('Confidential', [{}]);
		const { items } = await setText('={{ $json.text }}', [{}]);
		expect(String(items[0].json.error)).toContain(
			'"Watermark Text" is empty because its expression',
		);
		expect(fx.session.app.watermark.Text).toBe('Confidential');
	});

	it('typed empty, it removes the text', async () => {
		await setText('Confidential', [{}]);
		const { items } = await setText('', [{}]);
		expect(items[0].json.error).toBeUndefined();
		expect(fx.session.app.watermark.Text).toBe('');
	});
});
