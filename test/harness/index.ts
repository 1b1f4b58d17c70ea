// The harness's public surface: run our nodes inside n8n-core against the LCIC emulator.
import './environment';

export * from './credentials';
export * from './nodeTypes';
export * from './workflow';
export { createAdditionalData, createHooks } from './additionalData';
export * from './operations';
export * from './emulatorCalls';
export { IMPLEMENTED_ACTIONS, NEWER_ACTIONS, REFERENCE_ACTIONS } from './referenceActions';
export * from './session';
export { useEmulator, type EmulatorFixture } from './emulatorFixture';
export { roomInfo, roomInfos } from './roomValues';
