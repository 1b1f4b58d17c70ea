// Actions of Tencent's current model (test/harness/lcicModel.ts) that no operation calls yet.
// The model test fails when an action here has arrived, so the list only shrinks; it is empty
// once the package covers the whole model.
export const MODEL_PENDING: readonly string[] = [];
