// Node parameters in, LCIC request body out; LCIC response in, n8n items out.
export { buildRequestBody } from './body';
export { isoKey, listRecords, toOutputItems, withIsoTimes } from './output';
export { isoInZone, toEpochSeconds, wallClockToMillis } from './dateTime';
export { readListLimit } from './listLimit';
