import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { triggerClock } from '../trigger/clock';
import { eventJson } from '../trigger/toItem';
import { bodyObject, readDelivery, signatureOf, type Delivery } from './delivery';
import { admitOnce, deliveryKey } from './duplicates';
import { duplicateScope, readSettings, type EventTriggerSettings } from './settings';
import { checkSignature, SIGNATURE_PROBLEM_TEXT } from './signature';

// One callback request, in this order:
//   1. the signature (401, no execution): checked before the body is judged, so that a caller
//      without the key learns nothing else about the trigger;
//   2. the body (400): a JSON object with an EventType;
//   3. the filters and repeats: answered 200 like any delivery (LCIC must not retry them), but
//      no execution starts;
//   4. one item, with the same fields as the polling trigger's, plus the body without Sign.
// Every accepted request is answered 200 with {"error_code":0} (Tencent: answer quickly).

export const ACCEPTED = { error_code: 0 };

function reject(this: IWebhookFunctions, status: 400 | 401, message: string): IWebhookResponseData {
	// The reason goes to n8n's log for whoever runs it; never the key or the expected Sign.
	this.logger.warn(`Tencent Cloud LCIC Event Trigger answered ${status}: ${message}`, {
		node: this.getNode().name,
	});
	this.getResponseObject().status(status).json({ error_code: status, message });
	return { noWebhookResponse: true };
}

/** Whether the settings want this delivery at all. */
export function wanted(delivery: Delivery, settings: EventTriggerSettings): boolean {
	if (settings.eventTypes.length > 0 && !settings.eventTypes.includes(delivery.type)) return false;
	if (settings.roomIds.length > 0) {
		if (delivery.roomId === undefined || !settings.roomIds.includes(delivery.roomId)) return false;
	}
	// A body without SdkAppId is not refused for it: the signature already vouches for it.
	if (settings.sdkAppId !== undefined && delivery.sdkAppId !== undefined) {
		if (delivery.sdkAppId !== settings.sdkAppId) return false;
	}
	return true;
}

export function deliveryItem(delivery: Delivery, timeZone: string): IDataObject {
	return { ...eventJson(delivery, timeZone), body: delivery.body };
}

export async function receiveCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = await readSettings.call(this);
	const request = this.getRequestObject();
	const body = bodyObject({
		body: request.body as unknown,
		rawBody: request.rawBody,
		query: this.getQueryData() as IDataObject,
	});

	if (!settings.callbackKey) {
		return reject.call(
			this,
			401,
			'This trigger has no Callback Key to check the signature with: set one in the node or the credential',
		);
	}
	const problem = checkSignature(
		signatureOf(body, this.getQueryData() as IDataObject),
		settings.callbackKey,
		triggerClock.now(),
	);
	if (problem) return reject.call(this, 401, SIGNATURE_PROBLEM_TEXT[problem]);

	if (!body) return reject.call(this, 400, 'The body must be a JSON object');
	const delivery = readDelivery(body);
	if (!delivery) return reject.call(this, 400, 'The body has no EventType');

	if (!wanted(delivery, settings)) return { webhookResponse: ACCEPTED };
	const fresh = admitOnce(deliveryKey(delivery), {
		scope: duplicateScope(this),
		staticData: this.getWorkflowStaticData('node'),
		windowSeconds: settings.windowSeconds,
		now: triggerClock.now(),
	});
	if (!fresh) return { webhookResponse: ACCEPTED };

	return {
		webhookResponse: ACCEPTED,
		workflowData: [[{ json: deliveryItem(delivery, this.getTimezone()) }]],
	};
}
