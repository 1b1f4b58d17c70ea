// Node parameters in, LCIC request body out; LCIC response in, n8n items out.
export { buildRequestBody } from './body';
export { listRecords, toOutputItems } from './output';
export { toEpochSeconds } from './dateTime';
