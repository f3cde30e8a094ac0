/**
 * The two Electron IPC channel names, shared by the main process and the preload (and
 * nothing else: this file imports nothing, so the sandboxed preload bundle stays small).
 */

/** The only channel the renderer can call; the contract channel travels as its first argument. */
export const IPC_INVOKE = 'tenang:invoke';
/** The only channel the main process sends on; the contract event name is its first argument. */
export const IPC_EVENT = 'tenang:event';
