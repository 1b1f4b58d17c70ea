// The nightly roster sync that the Group > Create tests run: one item per class ({ class,
// memberIds }) into Group > Create with Options > "If a Group Has This Name" set to a mode,
// through n8n-core against the fixture's emulator, its calls counted from zero.
import type { IDataObject } from 'n8n-workflow';

import { parametersFor, runWorkflow, type EmulatorFixture } from '../harness';

export function groupSync(fx: EmulatorFixture) {
	const groupsNamed = (name: string) =>
		[...fx.session.app.groups.values()].filter((group) => group.GroupName === name);

	async function sync(mode: string, classes: IDataObject[], continueOnFail = false) {
		fx.emulator.resetCalls();
		return await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor(
				'CreateGroupWithMembers',
				{ GroupName: '={{ $json.class }}', MemberIds: '={{ $json.memberIds }}' },
				{ node: { options: { ifGroupExists: mode } } },
			),
			inputItems: classes,
			continueOnFail,
		});
	}

	return { groupsNamed, sync };
}
