/**
 * The chat contract in one import (`src/domain/chat`): the adapter port and its capabilities, what adapters hand
 * the core, the status marks. Modules may import the files themselves; this keeps `domain/chat` a valid path.
 */
export * from './adapter';
export * from './inbound';
export * from './status-marks';
export * from './card';
export * from './date-mark';
