// A problem with one value. buildRequestBody turns it into a NodeOperationError that points at
// the item; keeping it a plain Error here keeps the converters free of n8n context.
export class FieldError extends Error {}

/** How a value is shown in a message: short, and never a whole object. */
export function shown(value: unknown): string {
	// JSON quoting shows control characters and broken surrogates as escapes (\u0000), so the
	// message itself stays printable.
	if (typeof value === 'string')
		return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}...` : JSON.stringify(value);
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object' && value !== null) return 'an object';
	return String(value);
}
