// Orders the events of several rooms oldest first without ever reordering one room's events:
// a k-way merge by timestamp over per-room lists that are each kept in log order. (A plain sort
// by timestamp would move a room's events if its log ever had a timestamp go backwards.)

export function mergeOldestFirst<T>(lists: T[][], timeOf: (value: T) => number): T[] {
	const heads = lists.map(() => 0);
	const merged: T[] = [];
	const total = lists.reduce((sum, list) => sum + list.length, 0);
	while (merged.length < total) {
		let best = -1;
		for (let i = 0; i < lists.length; i++) {
			if (heads[i] >= lists[i].length) continue;
			if (best === -1 || timeOf(lists[i][heads[i]]) < timeOf(lists[best][heads[best]])) best = i;
		}
		merged.push(lists[best][heads[best]++]);
	}
	return merged;
}
