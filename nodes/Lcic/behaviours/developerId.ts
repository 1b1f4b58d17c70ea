import type { OperationHooks } from '../catalog/hooks';

// App Configuration > Get (DescribeAppDetail) takes the DeveloperId of the account that owns
// the application, which Tencent's model requires. An account has exactly one developer ID
// (DescribeDeveloper answers it for the signing key), so the field may be left empty: the node
// asks DescribeDeveloper once per execution, whatever the number of items, and sends its answer.

export const fillDeveloperId: OperationHooks = {
	async runItem(item) {
		const given = item.body.DeveloperId;
		if (typeof given === 'string' && given !== '') return await item.runPlain();
		const developer = await item.run.once('developerId', () => item.call('DescribeDeveloper', {}));
		const developerId = developer.DeveloperId;
		if (typeof developerId !== 'string' || developerId === '') {
			throw item.error(
				'Developer > Get (DescribeDeveloper) gave no developer ID for this credential',
				'Enter the Developer ID of the account that owns the application.',
			);
		}
		return await item.runPlain({ ...item.body, DeveloperId: developerId });
	},
};
